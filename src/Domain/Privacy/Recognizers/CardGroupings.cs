namespace Governance.Domain.Privacy.Recognizers;

/// <summary>The ways card numbers are printed: a number cut out of a longer run must look like one of them.</summary>
internal static class CardGroupings
{
    // Group lengths, first to last: 4-4-4-4 (most brands), 4-6-5 (Amex), 4-6-4 (Diners), 4-4-4-4-3
    // and 6-13 (19-digit PANs), 4-4-5 and 4-4-4-1 (13-digit Visa).
    private static readonly int[][] Shapes = [[4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 4, 4, 3], [6, 13], [4, 4, 5], [4, 4, 4, 1]];

    /// <summary>
    /// True when groups first..last are one unbroken group of 13-19 digits, a printed card shape, or
    /// one digit per group ("4 1 1 1 ...", spelled out to dodge a scanner).
    /// </summary>
    public static bool IsCardGrouping(ReadOnlySpan<Range> run, int first, int last)
    {
        if (first == last)
        {
            var length = run[first].GetOffsetAndLength(int.MaxValue).Length;
            return length is >= 13 and <= 19;
        }

        if (DigitsPerGroupAreAllOne(run, first, last))
        {
            return true;
        }

        foreach (var shape in Shapes)
        {
            if (Matches(run, first, last, shape))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DigitsPerGroupAreAllOne(ReadOnlySpan<Range> run, int first, int last)
    {
        for (var g = first; g <= last; g++)
        {
            if (run[g].GetOffsetAndLength(int.MaxValue).Length != 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ReadOnlySpan<Range> run, int first, int last, int[] shape)
    {
        if (last - first + 1 != shape.Length)
        {
            return false;
        }

        for (var g = first; g <= last; g++)
        {
            if (run[g].GetOffsetAndLength(int.MaxValue).Length != shape[g - first])
            {
                return false;
            }
        }

        return true;
    }
}
