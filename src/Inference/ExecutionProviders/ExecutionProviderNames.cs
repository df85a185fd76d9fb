namespace Governance.Inference.ExecutionProviders;

/// <summary>ONNX Runtime's own provider names, as health and metadata report them.</summary>
public static class ExecutionProviderNames
{
    public const string Cpu = "CPUExecutionProvider";
    public const string Cuda = "CUDAExecutionProvider";
}
