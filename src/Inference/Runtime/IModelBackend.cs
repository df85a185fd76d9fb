using Governance.Domain.Models;
using Governance.Inference.Protocol;

namespace Governance.Inference.Runtime;

/// <summary>
/// What computes a model version's requests: a local ONNX Runtime session (<see cref="LoadedModel"/>) or a
/// remote Open Inference Protocol server (<see cref="Remote.RemoteModel"/>). Governance happens before and
/// after, in the caller; a backend only validates the request against <see cref="Manifest"/> and computes it.
/// </summary>
public interface IModelBackend
{
    ModelManifest Manifest { get; }

    /// <summary>Where it computes: "CPUExecutionProvider", "CUDAExecutionProvider", or "remote" for a remote server.</summary>
    string ExecutionProvider { get; }

    /// <exception cref="Errors.InferenceInputException">The request does not fit the model (a 400 for the client).</exception>
    Task<InferenceResponse> RunAsync(InferenceRequest request, CancellationToken cancellationToken);
}
