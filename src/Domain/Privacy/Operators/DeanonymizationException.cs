namespace Governance.Domain.Privacy.Operators;

/// <summary>An encrypted token could not be restored (wrong key, altered or malformed); no output is given.</summary>
public sealed class DeanonymizationException : Exception
{
    public DeanonymizationException()
    {
    }

    public DeanonymizationException(string message)
        : base(message)
    {
    }

    public DeanonymizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
