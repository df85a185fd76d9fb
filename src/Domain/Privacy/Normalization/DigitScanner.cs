namespace Governance.Domain.Privacy.Normalization;

/// <summary>
/// Reads numbers written in digit groups ("4111 1111-1111.1111") from normalized text without
/// allocating: a run is digits with single separators between groups. A window of groups may be cut
/// out of a run only at a space, so a number is not found inside a longer hyphenated or dotted one.
/// </summary>
public static class DigitScanner
{
    public const int MaxGroups = 32;

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '\u00A0' or '\u2009' or '\u202F';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// Fills <paramref name="groups"/> with the next run at or after <paramref name="position"/> and
    /// returns its group count (0 when none is left); <paramref name="position"/> moves past the run.
    /// </summary>
    public static int NextRun(ReadOnlySpan<char> text, ref int position, Span<Range> groups)
    {
        var next = position < text.Length ? text[position..].IndexOfAnyInRange('0', '9') : -1;
        var i = next < 0 ? text.Length : position + next;

        var count = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (count < groups.Length)
            {
                groups[count++] = new Range(start, i);
            }

            if (i + 1 < text.Length && IsSeparator(text[i]) && IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        position = i;
        return count;
    }

    /// <summary>Digits in groups first..last of a run.</summary>
    public static int DigitCount(ReadOnlySpan<Range> run, int first, int last) =>
        run[last].End.Value - run[first].Start.Value - (last - first);

    /// <summary>True when groups first..last stand alone: cut from their run only at spaces and not glued to a word character.</summary>
    public static bool IsWindow(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last)
    {
        var start = run[first].Start.Value;
        var startOk = first > 0 ? IsSpace(text[start - 1]) : start == 0 || !IsWordChar(text[start - 1]);
        var end = run[last].End.Value;
        var endOk = last < run.Length - 1 ? IsSpace(text[end]) : end == text.Length || !IsWordChar(text[end]);
        return startOk && endOk;
    }

    /// <summary>Copies the digit values of groups first..last into <paramref name="digits"/> and returns how many.</summary>
    public static int CopyDigits(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, Span<byte> digits)
    {
        var n = 0;
        for (var g = first; g <= last; g++)
        {
            foreach (var c in text[run[g]])
            {
                digits[n++] = (byte)(c - '0');
            }
        }

        return n;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u2009' or '\u202F';
}
