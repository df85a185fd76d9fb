using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// Runs of digit groups as phone numbers are written: groups joined by up to three characters of
/// " -./()" ("+1 (415) 555-2671", "+44 (0)20 7946 0958", "06.12.34.56.78").
/// </summary>
internal static class PhoneRuns
{
    public const int MaxGroups = 12;

    public static int Next(ReadOnlySpan<char> s, ref int position, Span<Range> groups)
    {
        var next = position < s.Length ? s[position..].IndexOfAnyInRange('0', '9') : -1;
        var i = next < 0 ? s.Length : position + next;

        var count = 0;
        while (i < s.Length && count < groups.Length)
        {
            var start = i;
            while (i < s.Length && DigitScanner.IsDigit(s[i]))
            {
                i++;
            }

            groups[count++] = new Range(start, i);
            var gap = GapLength(s, i);
            if (gap == 0)
            {
                break;
            }

            i += gap;
        }

        position = i;
        return count;
    }

    /// <summary>True when the gap before group <paramref name="g"/> (g &gt; 0) holds a space: a number may start or end there.</summary>
    public static bool IsCut(ReadOnlySpan<char> s, ReadOnlySpan<Range> run, int g)
    {
        var gap = s[run[g - 1].End.Value..run[g].Start.Value];
        return gap.Length > 0 && (gap[0] == ' ' || gap[^1] == ' ' || gap[0] == '\u00A0' || gap[^1] == '\u00A0')
            && gap.IndexOfAny("-./") < 0;
    }

    // The separator chars between two groups, 0 when the run ends here.
    private static int GapLength(ReadOnlySpan<char> s, int i)
    {
        var n = 0;
        var opens = 0;
        var closes = 0;
        while (i + n < s.Length && n < 3 && s[i + n] is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0')
        {
            opens += s[i + n] == '(' ? 1 : 0;
            closes += s[i + n] == ')' ? 1 : 0;
            n++;
        }

        var spaces = 0;
        for (var k = 0; k < n; k++)
        {
            spaces += s[i + k] is ' ' or '\u00A0' ? 1 : 0;
        }

        var ok = n > 0 && i + n < s.Length && DigitScanner.IsDigit(s[i + n]) && opens <= 1 && closes <= 1 && spaces <= 1
            && n - spaces - opens - closes <= 1;
        return ok ? n : 0;
    }
}
