namespace Governance.Audit.Offline.Export;

/// <summary>A line of an export that is not what the format says, with its 1-based line number.</summary>
public sealed class AuditExportFormatException : FormatException
{
    public AuditExportFormatException()
    {
    }

    public AuditExportFormatException(string message)
        : base(message)
    {
    }

    public AuditExportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuditExportFormatException(long lineNumber, string message, Exception? innerException = null)
        : base($"line {lineNumber}: {message}", innerException)
    {
        LineNumber = lineNumber;
    }

    public long LineNumber { get; }
}
