namespace Governance.Migrations;

/// <summary>
/// An already-applied migration file was edited (or renamed). Applied migrations are history:
/// change the schema with a new numbered file instead.
/// </summary>
public sealed class MigrationChecksumMismatchException : Exception
{
    public MigrationChecksumMismatchException()
    {
    }

    public MigrationChecksumMismatchException(string message)
        : base(message)
    {
    }

    public MigrationChecksumMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationChecksumMismatchException(string fileName, string appliedAs, string appliedChecksum, string currentChecksum)
        : base($"Migration {fileName} was edited after it was applied (applied as {appliedAs}, checksum " +
            $"{appliedChecksum}; file now {currentChecksum}). Add a new migration instead of editing an applied one.")
    {
        FileName = fileName;
    }

    public string? FileName { get; }
}
