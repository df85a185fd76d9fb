using System.Text;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// A checkpoint and one signature over its note body. <see cref="ToNote"/> is the C2SP signed-note
/// form, also the external anchor's file format:
/// <code>
/// governance.example/audit
/// 1000
/// 5dc9da79...base64...=
/// timestamp 2026-12-01T21:30:00.123456Z
///
/// — 0a1b2c3d4e5f6071 base64(4-byte key hash || DER ECDSA P-256 signature)
/// </code>
/// </summary>
public sealed record SignedCheckpoint(Checkpoint Body, string KeyId, byte[] Signature)
{
    private const string SignaturePrefix = "\u2014 ";

    /// <summary>The exact bytes the signature covers.</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(CheckpointNote.Body(Body));

    public string ToNote()
    {
        var keyHash = CheckpointKeys.KeyHash(KeyId);
        var blob = new byte[keyHash.Length + Signature.Length];
        keyHash.CopyTo(blob, 0);
        Signature.CopyTo(blob, keyHash.Length);
        return CheckpointNote.Body(Body) + "\n" + SignaturePrefix + KeyId + " " + Convert.ToBase64String(blob) + "\n";
    }

    /// <summary>Parses a note with exactly one signature line; throws <see cref="FormatException"/> on anything else.</summary>
    public static SignedCheckpoint ParseNote(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n') || note.Contains('\r', StringComparison.Ordinal))
        {
            throw new FormatException("A checkpoint note is body lines, an empty line, then signature lines, each ending in LF.");
        }

        var body = CheckpointNote.ParseBody(note[..split].Split('\n'));
        var signatures = note[(split + 2)..^1].Split('\n');
        if (signatures.Length != 1 || !signatures[0].StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            throw new FormatException("A checkpoint note carries exactly one signature line, starting with an em dash.");
        }

        var parts = signatures[0][SignaturePrefix.Length..].Split(' ');
        if (parts.Length != 2 || !CheckpointKeys.IsKeyId(parts[0]))
        {
            throw new FormatException("A signature line is '— <key id> <base64 signature>'.");
        }

        var blob = CheckpointNote.DecodeBase64(parts[1], "signature");
        var keyHash = CheckpointKeys.KeyHash(parts[0]);
        if (blob.Length <= keyHash.Length || !blob.AsSpan(0, keyHash.Length).SequenceEqual(keyHash))
        {
            throw new FormatException("The signature does not start with the hash of its key id.");
        }

        var parsed = new SignedCheckpoint(body, parts[0], blob[keyHash.Length..]);
        if (parsed.ToNote() != note)
        {
            throw new FormatException("The note is not in canonical form.");
        }

        return parsed;
    }
}
