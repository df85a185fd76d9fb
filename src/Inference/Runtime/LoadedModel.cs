using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// One model version in memory, ready to serve. Runs are concurrent (ONNX Runtime sessions are
/// thread-safe, so no lock); <see cref="Dispose"/> does not wait for them, but the native session is
/// only freed when the last run in flight has finished, so unloading under load cannot crash a run.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private readonly SharedSession _session;

    internal LoadedModel(InferenceSession session, ModelManifest manifest, string sha256, string executionProvider, bool ioBinding = false)
    {
        _session = new SharedSession(session, $"{manifest.Name}/{manifest.Version}", ioBinding);
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

    public bool IsDisposed => _session.IsDisposed;

    /// <inheritdoc cref="SharedSession.Runs"/>
    public long SessionRuns => _session.Runs;

    /// <summary>Validates the client's request against the manifest, runs it, and returns the protocol response.</summary>
    /// <exception cref="InferenceInputException">The request does not fit the model.</exception>
    /// <exception cref="ObjectDisposedException">The model was unloaded; the caller should treat it as not ready.</exception>
    public Task<InferenceResponse> RunAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Run(request, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<InferenceResponse>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<InferenceResponse>(ex);
        }
    }

    /// <inheritdoc cref="RunAsync"/>
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

            return Execute(names, values, validated.OutputNames, cancellationToken);
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

    private NamedTensor[] Execute(string[] inputNames, OrtValue[] inputs, IReadOnlyList<string> outputNames, CancellationToken cancellationToken)
    {
        using var outputs = _session.Run(inputNames, inputs, outputNames, cancellationToken);
        var result = new NamedTensor[outputs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OrtTensors.FromOrtValue(outputNames[i], outputs[i]);
        }

        return result;
    }
}
