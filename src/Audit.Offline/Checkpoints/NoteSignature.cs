namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// One signature line of a C2SP signed note: <c>— &lt;key name&gt; base64(key hash || signature)</c>.
/// <see cref="KeyHash"/> is the 4-byte key ID; with <see cref="KeyName"/> it names the key, and a
/// verifier that knows neither pair simply ignores the line.
/// </summary>
public sealed record NoteSignature(string KeyName, byte[] KeyHash, byte[] Signature)
{
    public const int KeyHashLength = 4;
    private const string Prefix = "\u2014 ";

    public string Line()
    {
        var blob = new byte[KeyHashLength + Signature.Length];
        KeyHash.CopyTo(blob, 0);
        Signature.CopyTo(blob, KeyHashLength);
        return Prefix + KeyName + " " + Convert.ToBase64String(blob) + "\n";
    }

    /// <summary>Parses one line without its newline; throws <see cref="FormatException"/>.</summary>
    public static NoteSignature Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("A signature line starts with an em dash and a space.");
        }

        var parts = line[Prefix.Length..].Split(' ');
        if (parts.Length != 2 || !IsKeyName(parts[0]))
        {
            throw new FormatException("A signature line is '— <key name> <base64 key hash and signature>'.");
        }

        var blob = CheckpointNote.DecodeBase64(parts[1], "signature");
        if (blob.Length <= KeyHashLength)
        {
            throw new FormatException("A signature is a 4-byte key hash followed by the signature bytes.");
        }

        return new NoteSignature(parts[0], blob[..KeyHashLength], blob[KeyHashLength..]);
    }

    /// <summary>signed-note: non-empty, no Unicode spaces, no '+', no control characters.</summary>
    public static bool IsKeyName(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+');
}
