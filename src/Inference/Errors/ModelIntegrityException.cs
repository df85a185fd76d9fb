namespace Governance.Inference.Errors;

/// <summary>The model bytes are not the ones that were registered: their SHA-256 differs.</summary>
public sealed class ModelIntegrityException : Exception
{
    public ModelIntegrityException(string message, string expectedSha256, string actualSha256)
        : base(message)
    {
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    public string ExpectedSha256 { get; }

    public string ActualSha256 { get; }
}
