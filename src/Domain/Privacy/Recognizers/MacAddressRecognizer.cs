using System.Buffers;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// MAC_ADDRESS: six pairs of hex digits joined by one kind of separator (':' or '-'), or Cisco's three
/// dotted quads of hex ("0011.2233.44ff", which must hold a letter so a dotted number is not taken).
/// </summary>
public sealed class MacAddressRecognizer : IPiiRecognizer
{
    public const string EntityType = "MAC_ADDRESS";
    private const double Score = 0.6;
    private const double DecimalScore = 0.3;

    public string Name => nameof(MacAddressRecognizer);

    // The first separator sits 2 characters in (':' or '-') or 4 in (Cisco's '.').
    private static readonly SearchValues<char> Separators = SearchValues.Create(":-.");

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } = ["mac", "ethernet", "hardware", "wifi", "bssid", "device", "address"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        for (var i = 0; (i = Anchors.Skip(s, i, Separators, 2, 4)) + 14 <= s.Length; i++)
        {
            if (!char.IsAsciiHexDigit(s[i]) || (i > 0 && IsGlued(s[i - 1])))
            {
                continue;
            }

            var end = s[i + 2] is ':' or '-' ? ReadGroups(s, i, 6, 2, s[i + 2]) : ReadCisco(s, i);
            if (end > 0 && !ContinuesAfter(s, end) && !IsReserved(s[i..end]))
            {
                // Six decimal pairs ("10:15:20:25:30:35") read as times or slots as often as a MAC; hex
                // letters make it one. Without a letter it needs context (1 MAC in 300 has none).
                var hasLetter = HasHexLetter(s[i..end]);
                results.Add(new PiiCandidate(EntityType, i, end, hasLetter ? Score : DecimalScore, Name));
                i = end - 1;
            }
        }
    }

    // The broadcast address and the all-zero one name no device (Presidio refuses both too).
    private static bool IsReserved(ReadOnlySpan<char> mac)
    {
        var digit = mac[0];
        foreach (var c in mac)
        {
            if (char.IsAsciiHexDigit(c) && char.ToUpperInvariant(c) != char.ToUpperInvariant(digit))
            {
                return false;
            }
        }

        return digit is '0' or 'f' or 'F';
    }

    private static bool HasHexLetter(ReadOnlySpan<char> s) => s.ContainsAnyInRange('a', 'f') || s.ContainsAnyInRange('A', 'F');

    private static bool IsGlued(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.';

    // A trailing '.' ends a sentence; one followed by more hex continues the token.
    private static bool ContinuesAfter(ReadOnlySpan<char> s, int end) =>
        end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_'
            || (s[end] is ':' or '-' or '.' && end + 1 < s.Length && char.IsAsciiHexDigit(s[end + 1])));

    private static int ReadCisco(ReadOnlySpan<char> s, int start)
    {
        var end = ReadGroups(s, start, 3, 4, '.');
        return end > 0 && s[start..end].ContainsAnyInRange('a', 'f') || end > 0 && s[start..end].ContainsAnyInRange('A', 'F') ? end : -1;
    }

    private static int ReadGroups(ReadOnlySpan<char> s, int start, int groups, int width, char separator)
    {
        var i = start;
        for (var g = 0; g < groups; g++)
        {
            if (g > 0)
            {
                if (i >= s.Length || s[i] != separator)
                {
                    return -1;
                }

                i++;
            }

            for (var k = 0; k < width; k++, i++)
            {
                if (i >= s.Length || !char.IsAsciiHexDigit(s[i]))
                {
                    return -1;
                }
            }
        }

        return i;
    }
}
