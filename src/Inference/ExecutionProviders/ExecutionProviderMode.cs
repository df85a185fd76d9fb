namespace Governance.Inference.ExecutionProviders;

/// <summary>Which ONNX Runtime execution provider a deployment asks for.</summary>
public enum ExecutionProviderMode
{
    /// <summary>CPU only, even where a GPU exists.</summary>
    Cpu,

    /// <summary>CUDA or refuse to start: for deployments whose latency budget needs the GPU.</summary>
    Cuda,

    /// <summary>CUDA where it starts, otherwise CPU with a warning.</summary>
    Auto,
}
