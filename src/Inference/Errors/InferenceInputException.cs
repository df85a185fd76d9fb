namespace Governance.Inference.Errors;

/// <summary>
/// The client's inference request cannot be served as sent: malformed JSON, wrong datatype,
/// wrong shape, bad element, unknown or missing tensor. Always a 4xx, never a 500.
/// </summary>
/// <remarks>
/// <see cref="TensorName"/> is empty when the fault is not tied to one tensor (e.g. the body is
/// not JSON at all). <see cref="Code"/> is one of <see cref="InferenceErrorCodes"/>, stable for clients.
/// </remarks>
public sealed class InferenceInputException : Exception
{
    public InferenceInputException(string tensorName, string code, string message)
        : base(message)
    {
        TensorName = tensorName;
        Code = code;
    }

    public InferenceInputException(string tensorName, string code, string message, Exception innerException)
        : base(message, innerException)
    {
        TensorName = tensorName;
        Code = code;
    }

    public string TensorName { get; }

    public string Code { get; }
}
