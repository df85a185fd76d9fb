namespace Governance.Domain.Privacy.Normalization;

/// <summary>
/// Reads numbers written in digit groups ("4111 1111-1111.1111") from normalized text without
/// allocating: a run is digits with single separators between groups. A window of groups may be cut
/// out of a run only at a space, so a number is not found inside a longer hyphenated or dotted one.
/// A run longer than the group buffer comes back in overlapping chunks (see <see cref="NextRun"/>), so
/// padding a number with many short groups does not hide it.
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
    /// A run with more groups than the buffer holds is returned in chunks: the next chunk starts
    /// <paramref name="overlap"/> groups before the end of this one, so a window of up to overlap + 1
    /// groups that straddles the cut is whole in one of them; <paramref name="seen"/> tells how many
    /// leading groups of this chunk the previous chunk already held (windows ending in them were reported).
    /// </summary>
    public static int NextRun(ReadOnlySpan<char> text, ref int position, Span<Range> groups, int overlap, out int seen)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, groups.Length);
        var i = position;
        seen = 0;
        if (IsInsideRun(text, i))
        {
            // A continued chunk: position was left at the first group the previous chunk overlaps.
            seen = overlap;
        }
        else
        {
            // Prose has few digits: one vectorized search finds the next run's start.
            var next = i < text.Length ? text[i..].IndexOfAnyInRange('0', '9') : -1;
            i = next < 0 ? text.Length : i + next;
        }

        var count = 0;
        while (i < text.Length)
        {
            var start = i;
            var length = text[i..].IndexOfAnyExceptInRange('0', '9');
            i = length < 0 ? text.Length : i + length;
            groups[count++] = new Range(start, i);
            var continues = i + 1 < text.Length && IsSeparator(text[i]) && IsDigit(text[i + 1]);
            if (!continues)
            {
                break;
            }

            if (count == groups.Length)
            {
                position = groups[count - overlap].Start.Value;
                return count;
            }

            i++;
        }

        position = i;
        return count;
    }

    /// <summary>Digits in groups first..last of a run.</summary>
    public static int DigitCount(ReadOnlySpan<Range> run, int first, int last) =>
        run[last].End.Value - run[first].Start.Value - (last - first);

    /// <summary>True when groups first..last stand alone: cut from their run only at spaces and not glued to a word character.</summary>
    public static bool IsWindow(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last) =>
        StartsAlone(text, run[first].Start.Value) && EndsAlone(text, run[last].End.Value);

    /// <summary>
    /// True when a number may start at <paramref name="start"/>: at the start of a run (not after a word
    /// character), or inside one right after a space. Judged from the text alone, so it holds across chunks.
    /// </summary>
    public static bool StartsAlone(ReadOnlySpan<char> text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var previous = text[start - 1];
        return start >= 2 && IsSeparator(previous) && IsDigit(text[start - 2]) ? IsSpace(previous) : !IsWordChar(previous);
    }

    /// <summary>True when a number may end at <paramref name="end"/>: at the end of its run, or inside one right before a space.</summary>
    public static bool EndsAlone(ReadOnlySpan<char> text, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        var next = text[end];
        return end + 1 < text.Length && IsSeparator(next) && IsDigit(text[end + 1]) ? IsSpace(next) : !IsWordChar(next);
    }

    /// <summary>True when groups first..last are all of their run (not cut out of a longer one).</summary>
    public static bool IsWholeRun(ReadOnlySpan<char> text, ReadOnlySpan<Range> run, int first, int last)
    {
        var start = run[first].Start.Value;
        var end = run[last].End.Value;
        return !IsInsideRun(text, start) && !(end + 1 < text.Length && IsSeparator(text[end]) && IsDigit(text[end + 1]));
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

    public static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u2009' or '\u202F';

    // True when position is a group start inside a run: "digit separator" right before it.
    private static bool IsInsideRun(ReadOnlySpan<char> text, int position) =>
        position >= 2 && position < text.Length && IsDigit(text[position]) && IsSeparator(text[position - 1]) && IsDigit(text[position - 2]);
}
