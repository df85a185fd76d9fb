using System.Buffers;

namespace Governance.Domain.Privacy.Normalization;

/// <summary>
/// What may sit between two digit groups besides one plain separator: a run of whitespace (spaces,
/// tabs, line breaks: "4111\n1111   1111") is read as one space, and one of a few more separator
/// characters ("4111_1111*1111~1111") as '-', so every recognizer sees the usual grouped form. ':' is
/// not one of them: it already separates the groups of times, MAC and IPv6 addresses.
/// </summary>
internal static class DigitGaps
{
    private static readonly SearchValues<char> Marks = SearchValues.Create("\t\n\r\v\f_*~\\");

    public static bool IsExtraSeparator(char c) => c is '_' or '*' or '~' or '\\';

    /// <summary>True when <paramref name="s"/> holds a gap between digits that <see cref="GapEnd"/> would fold.</summary>
    public static bool Any(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length;)
        {
            var p = s[i..].IndexOfAny(Marks);
            if (p < 0)
            {
                break;
            }

            i += p;
            if (FoldsAt(s, i))
            {
                return true;
            }

            i++;
        }

        for (var i = 0; i < s.Length;)
        {
            var p = s[i..].IndexOf("  ", StringComparison.Ordinal);
            if (p < 0)
            {
                return false;
            }

            i += p;
            if (FoldsAt(s, i))
            {
                return true;
            }

            i += 2;
        }

        return false;
    }

    // The gap holding position i (a mark or a double space, maybe inside a longer whitespace run) folds.
    private static bool FoldsAt(ReadOnlySpan<char> s, int i)
    {
        var start = i;
        while (start > 0 && char.IsWhiteSpace(s[start - 1]) && !IsExtraSeparator(s[i]))
        {
            start--;
        }

        return start > 0 && char.IsDigit(s[start - 1]) && GapEnd(s, start) > 0;
    }

    /// <summary>
    /// Where the gap that starts at <paramref name="i"/> (right after a digit) ends, when a digit follows
    /// it and it is more than one plain space; -1 otherwise. <paramref name="i"/> is a whitespace run or
    /// one extra separator.
    /// </summary>
    public static int GapEnd(ReadOnlySpan<char> s, int i)
    {
        if (IsExtraSeparator(s[i]))
        {
            return i + 1 < s.Length && char.IsDigit(s[i + 1]) ? i + 1 : -1;
        }

        var j = i;
        while (j < s.Length && char.IsWhiteSpace(s[j]))
        {
            j++;
        }

        var folds = j - i > 1 || s[i] != ' ';
        return folds && j > i && j < s.Length && char.IsDigit(s[j]) ? j : -1;
    }

    /// <summary>The character a gap is read as.</summary>
    public static char ReadAs(char first) => IsExtraSeparator(first) ? '-' : ' ';
}
