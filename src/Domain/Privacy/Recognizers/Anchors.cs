using System.Buffers;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// Lets a recognizer jump over text that cannot hold a match. Every match of a recognizer holds one of a
/// few anchor characters at a bounded distance from its start (a date holds a digit within 11 characters,
/// an IP address a '.' or ':' within 4), so a vectorized search for the next anchor tells how far the
/// character-by-character walk may skip. Prose has few anchors, so most of it is never walked.
/// </summary>
internal static class Anchors
{
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>
    /// The first position at or after <paramref name="i"/> where a match could start, given that a match
    /// starting at j holds an anchor somewhere in [j + <paramref name="minOffset"/>, j + <paramref name="maxOffset"/>];
    /// <c>s.Length</c> when no anchor is left.
    /// </summary>
    public static int Skip(ReadOnlySpan<char> s, int i, SearchValues<char> anchors, int minOffset, int maxOffset)
    {
        var from = i + minOffset;
        if (from >= s.Length)
        {
            return s.Length;
        }

        var p = s[from..].IndexOfAny(anchors);
        return p < 0 ? s.Length : Math.Max(i, from + p - maxOffset);
    }
}
