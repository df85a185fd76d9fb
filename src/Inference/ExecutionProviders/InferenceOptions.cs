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
}
