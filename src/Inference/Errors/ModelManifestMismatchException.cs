namespace Governance.Inference.Errors;

/// <summary>The ONNX graph does not declare what the manifest says about one of its tensors.</summary>
public sealed class ModelManifestMismatchException : Exception
{
    public ModelManifestMismatchException(string tensorName, string message)
        : base(message)
    {
        TensorName = tensorName;
    }

    public string TensorName { get; }
}
