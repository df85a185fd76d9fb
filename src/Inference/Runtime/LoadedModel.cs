using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// One model version in memory, ready to serve, with its pool of sessions (one call per session at a
/// time, see <see cref="SessionPool"/>). <see cref="Dispose"/> unloads gracefully: no new call is
/// admitted, calls already admitted finish, and the native sessions are freed after the last returns.
/// </summary>
public sealed class LoadedModel : IModelBackend, IDisposable
{
    private readonly SessionPool _session;

    internal LoadedModel(IReadOnlyList<InferenceSession> sessions, ModelManifest manifest, string sha256, string executionProvider, SessionPoolLimits limits, bool ioBinding = false)
    {
        _session = new SessionPool(sessions, manifest.Name, manifest.Version, limits.MaxQueue, limits.QueueTimeout, ioBinding);
        Manifest = manifest;
        Sha256 = sha256;
        ExecutionProvider = executionProvider;
    }

    public ModelManifest Manifest { get; }

    public string Name => Manifest.Name;

    public string Version => Manifest.Version;

    /// <summary>Lower-case hex SHA-256 of the exact bytes the session was built from.</summary>
    public string Sha256 { get; }

    /// <summary>Where this model's session runs: "CUDAExecutionProvider" or "CPUExecutionProvider".</summary>
    public string ExecutionProvider { get; }

    /// <summary>Unloading or unloaded: no new call is admitted.</summary>
    public bool IsDisposed => _session.IsDisposed;

    /// <summary>How many times its sessions were run: a batch of many requests counts once.</summary>
    public long SessionRuns => _session.Runs;

    /// <summary>The pool's sessions, how many are running a call now, the most ever at once, and calls queued.</summary>
    public SessionPoolState Sessions => new(_session.Size, _session.InUse, _session.PeakInUse, _session.Waiting, _session.MaxQueue);

    /// <summary>Unloaded and every session freed (the last call admitted before the unload has returned).</summary>
    public bool IsReleased => _session.IsReleased;

    internal SessionPool Pool => _session;

    /// <summary>Validates the client's request against the manifest, runs it, and returns the protocol response.</summary>
    /// <exception cref="InferenceInputException">The request does not fit the model.</exception>
    /// <exception cref="ObjectDisposedException">The model was unloaded; the caller should treat it as not ready.</exception>
    /// <exception cref="ModelBusyException">Every session is busy and the queue is full.</exception>
    public async Task<InferenceResponse> RunAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Validated before a session is taken: a bad request never holds one.
        var validated = InferenceRequestBinder.Bind(request, Manifest);
        return new InferenceResponse(Name, Version, request.Id, await RunAsync(validated, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Runs validated inputs, waiting for a free session without holding a thread.</summary>
    public async Task<NamedTensor[]> RunAsync(ValidatedRequest validated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validated);
        using var lease = await _session.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return Run(validated, lease.Session, cancellationToken);
    }

    /// <inheritdoc cref="RunAsync(InferenceRequest, CancellationToken)"/>
    public InferenceResponse Run(InferenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validated = InferenceRequestBinder.Bind(request, Manifest);
        return new InferenceResponse(Name, Version, request.Id, Run(validated, cancellationToken));
    }

    /// <summary>Runs inputs that were already validated against this model (or built by the platform itself).</summary>
    public NamedTensor[] Run(ValidatedRequest validated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validated);
        using var lease = _session.Acquire(cancellationToken);
        return Run(validated, lease.Session, cancellationToken);
    }

    /// <summary>Runs on a session the caller holds (the loader's warm-up holds each in turn).</summary>
    internal static NamedTensor[] Run(ValidatedRequest validated, SharedSession session, CancellationToken cancellationToken)
    {
        var count = validated.Inputs.Count;
        var names = new string[count];
        var values = new OrtValue[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                names[i] = validated.Inputs[i].Name;
                values[i] = OrtTensors.ToOrtValue(validated.Inputs[i]);
            }

            return Execute(session, names, values, validated.OutputNames, cancellationToken);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>One FP32 input to one FP32 output, copied into <paramref name="destination"/>; returns the element count.</summary>
    internal int RunFp32(string[] inputName, OrtValue input, string[] outputName, Span<float> destination, CancellationToken cancellationToken)
    {
        using var outputs = _session.Run(inputName, [input], outputName, cancellationToken);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        if (scores.Length > destination.Length)
        {
            throw new InvalidModelException($"Model {Name} version {Version} returned {scores.Length} scores for {destination.Length} labels.");
        }

        scores.CopyTo(destination);
        return scores.Length;
    }

    /// <summary>Runs prepared ONNX Runtime values; the caller disposes the outputs.</summary>
    internal IDisposableReadOnlyCollection<OrtValue> RunValues(
        string[] inputNames, OrtValue[] inputs, string[] outputNames, CancellationToken cancellationToken) =>
        _session.Run(inputNames, inputs, outputNames, cancellationToken);

    public void Dispose() => _session.Dispose();

    private static NamedTensor[] Execute(
        SharedSession session, string[] inputNames, OrtValue[] inputs, IReadOnlyList<string> outputNames, CancellationToken cancellationToken)
    {
        using var outputs = session.Run(inputNames, inputs, outputNames, cancellationToken);
        var result = new NamedTensor[outputs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OrtTensors.FromOrtValue(outputNames[i], outputs[i]);
        }

        return result;
    }
}
