using System.Globalization;
using System.Text;
using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Offline.Checkpoints;

/// <summary>
/// The text form of a checkpoint body, after C2SP's tlog-checkpoint: origin line, decimal tree size,
/// base64 root hash, then one extension line "timestamp &lt;RFC 3339 UTC, microseconds&gt;". Each line
/// ends with a newline; the signature covers exactly these UTF-8 bytes.
/// </summary>
internal static class CheckpointNote
{
    public const string TimestampPrefix = "timestamp ";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Body(Checkpoint body)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckOrigin(body.Origin);
        ArgumentOutOfRangeException.ThrowIfNegative(body.TreeSize);
        if (body.RootHash is not { Length: MerkleHash.Size })
        {
            throw new ArgumentException($"A root hash is {MerkleHash.Size} bytes.", nameof(body));
        }

        var builder = new StringBuilder(160);
        builder.Append(body.Origin).Append('\n')
            .Append(body.TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(body.RootHash)).Append('\n')
            .Append(TimestampPrefix).Append(Normalize(body.Timestamp).ToString(TimestampFormat, CultureInfo.InvariantCulture)).Append('\n');
        return builder.ToString();
    }

    /// <summary>Parses the body lines (without their newlines); throws <see cref="FormatException"/>.</summary>
    public static Checkpoint ParseBody(IReadOnlyList<string> lines)
    {
        if (lines.Count != 4)
        {
            throw new FormatException($"A checkpoint body has 4 lines (origin, size, root, timestamp), not {lines.Count}.");
        }

        var origin = lines[0];
        if (origin.Length == 0 || origin.Any(char.IsControl))
        {
            throw new FormatException("The checkpoint origin is empty or holds control characters.");
        }

        var sizeText = lines[1];
        if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != sizeText)
        {
            throw new FormatException($"'{sizeText}' is not a canonical decimal tree size.");
        }

        var root = DecodeBase64(lines[2], "root hash");
        if (root.Length != MerkleHash.Size || Convert.ToBase64String(root) != lines[2])
        {
            throw new FormatException($"The root hash is not {MerkleHash.Size} bytes of canonical base64.");
        }

        if (!lines[3].StartsWith(TimestampPrefix, StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(lines[3][TimestampPrefix.Length..], TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            throw new FormatException("The fourth line is not 'timestamp yyyy-MM-ddTHH:mm:ss.ffffffZ'.");
        }

        return new Checkpoint(origin, size, root, timestamp);
    }

    public static DateTimeOffset Normalize(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public static byte[] DecodeBase64(string text, string what)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The {what} is not base64.", e);
        }
    }

    private static void CheckOrigin(string origin)
    {
        if (string.IsNullOrEmpty(origin) || origin.Any(char.IsControl))
        {
            throw new ArgumentException("A checkpoint origin is one non-empty line without control characters.", nameof(origin));
        }
    }
}
