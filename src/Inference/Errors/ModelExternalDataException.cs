namespace Governance.Inference.Errors;

/// <summary>The model refers to tensor data outside its own bytes (ONNX external data), which the platform refuses.</summary>
public sealed class ModelExternalDataException : Exception
{
    public ModelExternalDataException(string message)
        : base(message)
    {
    }

    public ModelExternalDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
