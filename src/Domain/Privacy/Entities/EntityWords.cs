using System.Buffers;

namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// The words of a text the entity rules read: every word that starts with a capital, and the word just
/// before each (a title, a preposition, "of"). Lower-case prose in between is jumped over with one
/// vectorized search for the next capital or non-ASCII character, so most of a text is never split into
/// words at all. A word is letters with single apostrophes or hyphens inside ("O'Connor", "Al-Sayed"); a
/// possessive "'s" is left out; a word glued to digits or '_' ("v2", "user_name") is no word here.
/// <see cref="EntityWord.Joined"/> is relative to the previous word kept, so it holds only for true neighbours.
/// </summary>
internal static class EntityWords
{
    // Every ASCII character but A-Z: IndexOfAnyExcept over it finds the next capital or non-ASCII char.
    private static readonly SearchValues<char> NotCapitalOrWide = SearchValues.Create(CreateNotCapitalOrWide());

    /// <summary>At most how many words <see cref="Split"/> can keep for <paramref name="s"/>: two per capital found.</summary>
    public static int Capacity(ReadOnlySpan<char> s)
    {
        var hits = 0;
        var i = 0;
        while (i < s.Length)
        {
            var next = s[i..].IndexOfAnyExcept(NotCapitalOrWide);
            if (next < 0)
            {
                break;
            }

            hits++;
            i += next + 1;
        }

        return (2 * hits) + 2;
    }

    /// <summary>The words kept, in order; -1 when <paramref name="words"/> is too small (then size it by <see cref="Capacity"/>).</summary>
    public static int Split(ReadOnlySpan<char> s, Span<EntityWord> words)
    {
        var count = 0;
        var i = 0;
        var keptEnd = -1;
        var previousEnd = -1;
        var previousTitle = false;
        while (i < s.Length)
        {
            var jump = s[i..].IndexOfAnyExcept(NotCapitalOrWide);
            if (jump < 0)
            {
                break;
            }

            var at = i + jump;
            if (!char.IsUpper(s[at]) || (at > 0 && char.IsLetter(s[at - 1])))
            {
                i = at + 1;
                continue;
            }

            // The word before the capital, if it is not kept already: a title, a preposition, "of".
            var (prevStart, prevEnd) = WordBefore(s, at);
            if (prevStart >= 0 && prevStart >= keptEnd && !IsGlued(s, prevStart, prevEnd))
            {
                if (count == words.Length)
                {
                    return -1;
                }

                words[count++] = Make(s, prevStart, prevEnd, ref previousEnd, ref previousTitle);
                keptEnd = prevEnd;
            }

            var end = WordEnd(s, at);
            if (!IsGlued(s, at, end))
            {
                if (count == words.Length)
                {
                    return -1;
                }

                words[count++] = Make(s, at, end, ref previousEnd, ref previousTitle);
            }

            keptEnd = end;
            i = end;
        }

        return count;
    }

    private static EntityWord Make(ReadOnlySpan<char> s, int start, int rawEnd, ref int previousEnd, ref bool previousTitle)
    {
        var end = rawEnd;
        if (end - start > 3 && (s[end - 1] | 0x20) == 's' && s[end - 2] is '\'' or '\u2019')
        {
            end -= 2;
        }

        var flags = EntityWordFlags.None;
        if (char.IsUpper(s[start]))
        {
            flags |= EntityWordFlags.Capitalised;
        }

        if (previousEnd >= 0 && start == previousEnd + 1 && s[previousEnd] == ' ')
        {
            flags |= EntityWordFlags.Joined;
        }

        if (end - start > 1 && !ContainsLower(s[start..end]))
        {
            flags |= EntityWordFlags.AllCaps;
        }

        if (end < s.Length && s[end] == '.')
        {
            flags |= EntityWordFlags.Dotted;
        }

        if (StartsSentence(s, start) && !previousTitle)
        {
            flags |= EntityWordFlags.SentenceStart;
        }

        previousTitle = ClosedClasses.Titles.Contains(s[start..end]);
        previousEnd = rawEnd;
        return new EntityWord(start, end, flags);
    }

    private static int WordEnd(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        while (i < s.Length && (char.IsLetter(s[i]) || (s[i] is '\'' or '\u2019' or '-' && i > start && i + 1 < s.Length && char.IsLetter(s[i + 1]))))
        {
            i++;
        }

        return i;
    }

    // The word ending before the non-letters that precede position 'at'; (-1, -1) when there is none.
    private static (int Start, int End) WordBefore(ReadOnlySpan<char> s, int at)
    {
        var end = at;
        while (end > 0 && !char.IsLetter(s[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return (-1, -1);
        }

        var start = end;
        while (start > 0 && (char.IsLetter(s[start - 1]) || (s[start - 1] is '\'' or '\u2019' or '-' && start > 1 && char.IsLetter(s[start - 2]))))
        {
            start--;
        }

        return (start, end);
    }

    private static bool IsGlued(ReadOnlySpan<char> s, int start, int end) =>
        (start > 0 && (char.IsDigit(s[start - 1]) || s[start - 1] == '_')) || (end < s.Length && (char.IsDigit(s[end]) || s[end] == '_'));

    private static bool ContainsLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    // The text's start, or a sentence end / line break / colon before it, with only spaces, quotes and brackets between.
    private static bool StartsSentence(ReadOnlySpan<char> s, int start)
    {
        for (var j = start - 1; j >= 0; j--)
        {
            var c = s[j];
            if (c is '.' or '!' or '?' or ':' or '\n' or '\r' or '\u2022')
            {
                return true;
            }

            if (!(char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '-' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    private static char[] CreateNotCapitalOrWide()
    {
        var chars = new List<char>(128);
        for (var c = '\0'; c < '\u0080'; c++)
        {
            if (c is < 'A' or > 'Z')
            {
                chars.Add(c);
            }
        }

        return [.. chars];
    }
}
