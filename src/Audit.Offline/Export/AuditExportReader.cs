using System.Text.Json;
using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// Reads an export line by line into typed records. Checks each line's shape only (required fields,
/// known type, the header's format id and version); what the records mean is the verifier's job.
/// </summary>
public sealed class AuditExportReader(Stream input)
{
    private readonly JsonLineSplitter _lines = new(input);

    /// <summary>Bytes read so far.</summary>
    public long Position => _lines.Position;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber => _lines.LineNumber;

    /// <summary>The next record, or null at the end; throws <see cref="AuditExportFormatException"/> on a malformed line.</summary>
    public ExportRecord? Read() => TryReadLine(out var line) ? Parse(line.Span) : null;

    /// <summary>The next raw line (valid until the next read), for the verifier's fast path.</summary>
    internal bool TryReadLine(out ReadOnlyMemory<byte> line) => _lines.TryRead(out line);

    /// <summary>Parses the line last read; throws <see cref="AuditExportFormatException"/>.</summary>
    internal ExportRecord Parse(ReadOnlySpan<byte> bytes)
    {
        ExportLine line;
        try
        {
            line = JsonSerializer.Deserialize(bytes, ExportJsonContext.Default.ExportLine)
                ?? throw new AuditExportFormatException(LineNumber, "the line is JSON null");
        }
        catch (JsonException e)
        {
            throw new AuditExportFormatException(LineNumber, "not a valid export line: " + e.Message, e);
        }

        try
        {
            return ToRecord(line);
        }
        catch (FormatException e) when (e is not AuditExportFormatException)
        {
            throw new AuditExportFormatException(LineNumber, e.Message, e);
        }
    }

    private static ExportRecord ToRecord(ExportLine l) => l.Type switch
    {
        "header" => Header(l),
        "prefix" => new ExportPrefix(Need(l.TreeSize, "tree_size"), Need(l.Frontier, "frontier")),
        "checkpoint" => new ExportCheckpoint(SignedCheckpoint.ParseNote(Need(l.Note, "note"))),
        "consistency" => new ExportConsistency(Need(l.FromSize, "from_size"), Need(l.ToSize, "to_size"), Need(l.Proof, "proof")),
        "entry" => new ExportEntry(
            Need(l.Sequence, "sequence"),
            Need(l.CommittedAt, "committed_at"),
            Need(l.LeafHash, "leaf_hash"),
            Need(l.Canonical, "canonical"),
            ExportFieldMapping.FromFields(Need(l.Entry, "entry"))),
        _ => throw new FormatException($"unknown record type '{l.Type}'"),
    };

    private static ExportHeader Header(ExportLine l)
    {
        if (l.Format != ExportHeader.FormatId || l.Version != ExportHeader.CurrentVersion)
        {
            throw new FormatException($"not a {ExportHeader.FormatId} version {ExportHeader.CurrentVersion} header (format '{l.Format}', version {l.Version})");
        }

        return new ExportHeader(Need(l.Origin, "origin"), Need(l.FirstSequence, "first_sequence"), Need(l.LastSequence, "last_sequence"),
            Need(l.ExportedAt, "exported_at"), Need(l.PublicKeyPem, "public_key_pem"), Need(l.KeyId, "key_id"));
    }

    private static T Need<T>(T? value, string field)
        where T : class => value ?? throw new FormatException($"the {field} field is missing");

    private static T Need<T>(T? value, string field)
        where T : struct => value ?? throw new FormatException($"the {field} field is missing");
}
