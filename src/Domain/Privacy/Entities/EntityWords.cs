namespace Governance.Domain.Privacy.Entities;

/// <summary>
/// Splits a text into <see cref="EntityWord"/>s: letters with single apostrophes or hyphens inside
/// ("O'Connor", "Al-Sayed"); a possessive "'s" is left out of the word. A word glued to digits or '_'
/// ("v2", "user_name") is no word here.
/// </summary>
internal static class EntityWords
{
    public static int Split(ReadOnlySpan<char> s, Span<EntityWord> words)
    {
        var count = 0;
        var i = 0;
        var previousEnd = -1;
        var previousTitle = false;
        while (i < s.Length && count < words.Length)
        {
            while (i < s.Length && !char.IsLetter(s[i]))
            {
                i++;
            }

            var start = i;
            while (i < s.Length && (char.IsLetter(s[i]) || (s[i] is '\'' or '\u2019' or '-' && i > start && i + 1 < s.Length && char.IsLetter(s[i + 1]))))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var end = i;
            var glued = (start > 0 && (char.IsDigit(s[start - 1]) || s[start - 1] == '_'))
                || (end < s.Length && (char.IsDigit(s[end]) || s[end] == '_'));
            if (glued)
            {
                continue;
            }

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

            words[count++] = new EntityWord(start, end, flags);
            previousTitle = ClosedClasses.Titles.Contains(s[start..end]);
            previousEnd = i;
        }

        return count;
    }

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
}
