namespace Governance.Inference.Errors;

/// <summary>The deployment demands an execution provider (CUDA) that this machine's ONNX Runtime cannot start.</summary>
public sealed class ExecutionProviderUnavailableException : Exception
{
    public ExecutionProviderUnavailableException(string provider, string message, Exception? innerException)
        : base(message, innerException)
    {
        Provider = provider;
    }

    public string Provider { get; }
}
