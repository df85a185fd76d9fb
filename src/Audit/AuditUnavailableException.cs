namespace Governance.Audit;

/// <summary>
/// The audit entry could not be made durable. Callers must fail closed (HTTP 503, no output):
/// an unaudited answer is worse than no answer.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
        : base("The audit log is unavailable; the entry was not recorded.")
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
