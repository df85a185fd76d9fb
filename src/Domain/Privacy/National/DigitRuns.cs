namespace Governance.Domain.Privacy.National;

/// <summary>
/// Finds runs of digit groups joined by single separators ("123-45-6789", "2345 6789 0123") in
/// normalized text, without allocating. A run may hold several numbers side by side ("2020 123-45-6789"),
/// so recognizers look at windows of consecutive groups; a window may only be cut out of a run at a
/// space, never at '-', '.' or '/', so an id is not found inside a longer hyphenated number.
/// </summary>
internal static class DigitRuns
{
    public const int MaxGroups = 24;

    public static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '\u00A0';

    public static bool IsSpace(char c) => c is ' ' or '\u00A0';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// Fills <paramref name="groups"/> with the next run at or after <paramref name="position"/> and
    /// returns its group count (0 when there is none); <paramref name="position"/> moves past the run.
    /// </summary>
    public static int Next(ReadOnlySpan<char> text, ref int position, Span<Range> groups)
    {
        var i = position;
        while (i < text.Length && !IsDigit(text[i]))
        {
            i++;
        }

        var count = 0;
        while (i < text.Length && count < groups.Length)
        {
            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            groups[count++] = new Range(start, i);
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

    /// <summary>Total digits in groups <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static int DigitCount(ReadOnlySpan<Range> run, int first, int last) =>
        run[last].End.Value - run[first].Start.Value - (last - first);

    /// <summary>
    /// True when groups first..last can stand alone: cut from the run only at spaces, and not glued to
    /// a letter or digit at either end (unless <paramref name="checkEnd"/> is false, for ids that go on
    /// with a letter).
    /// </summary>
    public static bool IsWindow(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, bool checkEnd = true)
    {
        var start = run[first].Start.Value;
        var startOk = first > 0 ? IsSpace(text[start - 1]) : start == 0 || !IsWordChar(text[start - 1]);
        if (!startOk || !checkEnd)
        {
            return startOk;
        }

        var end = run[last].End.Value;
        return last < run.Length - 1 ? IsSpace(text[end]) : end == text.Length || !IsWordChar(text[end]);
    }

    /// <summary>Copies the digit values of groups first..last into <paramref name="digits"/>.</summary>
    public static void CopyDigits(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, Span<byte> digits)
    {
        var n = 0;
        for (var g = first; g <= last; g++)
        {
            foreach (var c in text[run[g]])
            {
                digits[n++] = (byte)(c - '0');
            }
        }
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
