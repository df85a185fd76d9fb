using Governance.Domain.Privacy.Normalization;
using Governance.Domain.Privacy.Recognizers;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// UK_NINO: two prefix letters (neither D, F, I, Q, U, V; O never second; BG, GB, NK, KN, TN, NT and
/// ZZ never issued), six digits, suffix A-D; "AB123456C" or spaced "AB 12 34 56 C", any case.
/// </summary>
public sealed class UkNinoRecognizer : IPiiRecognizer
{
    private static readonly string[] Types = ["UK_NINO"];

    public string Name => nameof(UkNinoRecognizer);

    public IReadOnlyList<string> EntityTypes => Types;

    public IReadOnlyList<string> ContextWords { get; } = ["national insurance", "national insurance number", "nino", "ni number", "nin", "insurance"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        for (var i = 0; i + 8 < s.Length; i++)
        {
            // A NINO's first digit sits 2 or 3 characters after its start: jump to the next digit.
            i = Anchors.Skip(s, i, Anchors.Digits, 2, 3);
            if (i + 8 >= s.Length)
            {
                break;
            }

            if (!char.IsAsciiLetter(s[i]) || (i > 0 && DigitScanner.IsWordChar(s[i - 1])))
            {
                continue;
            }

            var end = Match(s, i);
            if (end > 0)
            {
                results.Add(new PiiCandidate("UK_NINO", i, end, 0.5, Name));
                i = end - 1;
            }
        }
    }

    private static int Match(ReadOnlySpan<char> s, int start)
    {
        var first = char.ToUpperInvariant(s[start]);
        var second = char.ToUpperInvariant(s[start + 1]);
        if (!char.IsAsciiLetter(second) || !IsValidPrefix(first, second))
        {
            return -1;
        }

        var p = start + 2;
        for (var pair = 0; pair < 3; pair++)
        {
            SkipSeparator(s, ref p);
            if (p + 1 >= s.Length || !DigitScanner.IsDigit(s[p]) || !DigitScanner.IsDigit(s[p + 1]))
            {
                return -1;
            }

            p += 2;
        }

        SkipSeparator(s, ref p);
        if (p >= s.Length || (s[p] | 0x20) is < 'a' or > 'd')
        {
            return -1;
        }

        p++;
        return p == s.Length || !DigitScanner.IsWordChar(s[p]) ? p : -1;
    }

    private static void SkipSeparator(ReadOnlySpan<char> s, ref int p)
    {
        if (p < s.Length && s[p] is ' ' or '\u00A0' or '-')
        {
            p++;
        }
    }

    internal static bool IsValidPrefix(char first, char second)
    {
        if (first is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || second is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' or 'O')
        {
            return false;
        }

        return (first, second) is not (('B', 'G') or ('G', 'B') or ('N', 'K') or ('K', 'N') or ('T', 'N') or ('N', 'T') or ('Z', 'Z'));
    }
}
