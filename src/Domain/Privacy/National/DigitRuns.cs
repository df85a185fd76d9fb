using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// Runs of digit groups joined by single separators ("123-45-6789") in normalized text, for the national
/// recognizers, without allocating. Kept apart from <see cref="DigitScanner"/> (whose character tests it
/// shares) because the rules differ: a run longer than the group buffer is split here, not truncated, so
/// an id after many groups is still found; a window may leave its end unchecked (ids that go on with a
/// letter); and windows match exact group shapes. A window is cut out of a run only at a space.
/// </summary>
internal static class DigitRuns
{
    public const int MaxGroups = 24;

    public static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '\u00A0';

    public static bool IsSpace(char c) => c is ' ' or '\u00A0';

    /// <summary>
    /// Fills <paramref name="groups"/> with the next run at or after <paramref name="position"/> and
    /// returns its group count (0 when there is none); <paramref name="position"/> moves past the run.
    /// </summary>
    public static int Next(ReadOnlySpan<char> text, ref int position, Span<Range> groups)
    {
        // Prose has few digits: one vectorized search finds the next run's start.
        var next = position < text.Length ? text[position..].IndexOfAnyInRange('0', '9') : -1;
        var i = next < 0 ? text.Length : position + next;

        var count = 0;
        while (i < text.Length && count < groups.Length)
        {
            var start = i;
            while (i < text.Length && DigitScanner.IsDigit(text[i]))
            {
                i++;
            }

            groups[count++] = new Range(start, i);
            if (i + 1 < text.Length && IsSeparator(text[i]) && DigitScanner.IsDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        position = i;
        return count;
    }

    /// <summary>
    /// True when groups first..last can stand alone: cut from the run only at spaces, and not glued to
    /// a letter or digit at either end (unless <paramref name="checkEnd"/> is false, for ids that go on
    /// with a letter).
    /// </summary>
    public static bool IsWindow(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, bool checkEnd = true)
    {
        var start = run[first].Start.Value;
        var startOk = first > 0 ? IsSpace(text[start - 1]) : start == 0 || !DigitScanner.IsWordChar(text[start - 1]);
        if (!startOk || !checkEnd)
        {
            return startOk;
        }

        var end = run[last].End.Value;
        return last < run.Length - 1 ? IsSpace(text[end]) : end == text.Length || !DigitScanner.IsWordChar(text[end]);
    }

    /// <summary>
    /// True when the window's group lengths are exactly <paramref name="lengths"/> and every separator
    /// between them is the same character (returned in <paramref name="separator"/>).
    /// </summary>
    public static bool HasShape(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, ReadOnlySpan<int> lengths, out char separator)
    {
        separator = '\0';
        if (last - first + 1 != lengths.Length)
        {
            return false;
        }

        for (var g = first; g <= last; g++)
        {
            var (offset, length) = run[g].GetOffsetAndLength(int.MaxValue);
            if (length != lengths[g - first])
            {
                return false;
            }

            if (g > first)
            {
                var sep = text[offset - 1];
                if (g > first + 1 && sep != separator)
                {
                    return false;
                }

                separator = sep;
            }
        }

        return true;
    }

    public static bool AllSame(ReadOnlySpan<byte> digits) => digits.IndexOfAnyExcept(digits[0]) < 0;
}
