namespace Governance.Inference.Errors;

/// <summary>ONNX Runtime cannot load or run the model bytes at all (not ONNX, unsupported operator or type, failed warm-up).</summary>
public sealed class InvalidModelException : Exception
{
    public InvalidModelException(string message)
        : base(message)
    {
    }

    public InvalidModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
