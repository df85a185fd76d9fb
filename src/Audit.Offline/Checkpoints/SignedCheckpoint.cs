using System.Text;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// A checkpoint and the signature lines under its body, in the C2SP signed-note form that
/// <see cref="ToNote"/> writes (also the external anchor's file format). The log's own signature
/// comes first; witnesses' cosignatures may follow.
/// <code>
/// governance.example/audit
/// 1000
/// 5dc9da79...base64...=
/// timestamp 2026-12-01T21:30:00.123456Z
///
/// — governance.example/audit base64(4-byte key hash || Ed25519 signature)
/// — witness.example/w1 base64(4-byte key hash || timestamp || Ed25519 signature)
/// </code>
/// </summary>
public sealed record SignedCheckpoint(Checkpoint Body, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>signed-note asks for a bound and at least 16; 64 leaves room for many witnesses.</summary>
    public const int MaxSignatures = 64;

    /// <summary>The exact bytes a log signature covers (the note text).</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(CheckpointNote.Body(Body));

    public string ToNote() => CheckpointNote.Body(Body) + "\n" + string.Concat(Signatures.Select(s => s.Line()));

    /// <summary>This checkpoint with <paramref name="signature"/> appended, unless a line with its key name and hash is there already.</summary>
    public SignedCheckpoint With(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Signatures.Any(s => s.KeyName == signature.KeyName && s.KeyHash.AsSpan().SequenceEqual(signature.KeyHash))
            ? this
            : this with { Signatures = [.. Signatures, signature] };
    }

    /// <summary>Parses a note with 1 to <see cref="MaxSignatures"/> signature lines; throws <see cref="FormatException"/> on anything else.</summary>
    public static SignedCheckpoint ParseNote(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || split + 2 >= note.Length || !note.EndsWith('\n') || note.Contains('\r', StringComparison.Ordinal))
        {
            throw new FormatException("A checkpoint note is body lines, an empty line, then signature lines, each ending in LF.");
        }

        var body = CheckpointNote.ParseBody(note[..split].Split('\n'));
        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new FormatException($"A checkpoint note carries at most {MaxSignatures} signature lines.");
        }

        var parsed = new SignedCheckpoint(body, [.. lines.Select(NoteSignature.Parse)]);
        if (parsed.ToNote() != note)
        {
            throw new FormatException("The note is not in canonical form.");
        }

        return parsed;
    }
}
