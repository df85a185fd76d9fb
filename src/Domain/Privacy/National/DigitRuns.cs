using Governance.Domain.Privacy.Normalization;

namespace Governance.Domain.Privacy.National;

/// <summary>
/// Window rules of the national recognizers over the runs <see cref="DigitScanner"/> reads: a window
/// may leave its end unchecked (ids that go on with a letter), and windows match exact group shapes.
/// </summary>
internal static class DigitRuns
{
    /// <summary>
    /// True when groups first..last can stand alone: cut from the run only at spaces, and not glued to
    /// a letter or digit at either end (unless <paramref name="checkEnd"/> is false, for ids that go on
    /// with a letter).
    /// </summary>
    public static bool IsWindow(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last, bool checkEnd = true) =>
        DigitScanner.StartsAlone(text, run[first].Start.Value) && (!checkEnd || DigitScanner.EndsAlone(text, run[last].End.Value));

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
