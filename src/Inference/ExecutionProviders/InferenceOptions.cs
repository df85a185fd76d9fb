namespace Governance.Inference.ExecutionProviders;

/// <summary>How sessions are built; bound from configuration by the host.</summary>
public sealed record InferenceOptions
{
    public ExecutionProviderMode ExecutionProvider { get; init; } = ExecutionProviderMode.Auto;

    public int CudaDeviceId { get; init; }

    /// <summary>Threads inside one operator; 0 leaves ONNX Runtime's default (one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 leaves ONNX Runtime's default.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Sessions per model version when its manifest does not say (manifest <c>sessions.count</c>).</summary>
    public int SessionsPerModel { get; init; } = 1;

    /// <summary>Calls that may wait for a busy model version's session before 503 (manifest <c>sessions.maxQueue</c>).</summary>
    public int MaxQueuedCalls { get; init; } = 256;

    /// <summary>How long a queued call waits for a session before 503.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
