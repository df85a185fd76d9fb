namespace Governance.Domain.Privacy;

/// <summary>Finds a context word, case-insensitively and as a whole word, near a match.</summary>
internal static class ContextFinder
{
    public static bool HasContext(string text, int start, int end, IReadOnlyList<string> words, int window) =>
        Find(text, start, end, words, window, []) is not null;

    /// <summary>
    /// The first of the recognizer's <paramref name="words"/> (in its order, as Presidio reports it) found
    /// near the match, or inside one of the caller's <paramref name="requestContext"/> phrases; null if none.
    /// </summary>
    public static string? Find(string text, int start, int end, IReadOnlyList<string> words, int window, IReadOnlyList<string> requestContext)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var before = text.AsSpan(Math.Max(0, start - window), start - Math.Max(0, start - window));
        var after = text.AsSpan(end, Math.Min(text.Length, end + window) - end);
        for (var i = 0; i < words.Count; i++)
        {
            if (ContainsWord(before, words[i]) || ContainsWord(after, words[i]) || InRequestContext(requestContext, words[i]))
            {
                return words[i];
            }
        }

        return null;
    }

    private static bool InRequestContext(IReadOnlyList<string> requestContext, string word)
    {
        for (var i = 0; i < requestContext.Count; i++)
        {
            if (requestContext[i].Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A word counts when no letter touches its start (so "tel" is not found in "hotel") and no letter
    // follows it except a plural 's'.
    private static bool ContainsWord(ReadOnlySpan<char> span, string word)
    {
        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var start = offset + at;
            var end = start + word.Length;
            var startOk = start == 0 || !char.IsLetter(span[start - 1]);
            var endOk = end >= span.Length || !char.IsLetter(span[end])
                || ((span[end] | 0x20) == 's' && (end + 1 >= span.Length || !char.IsLetter(span[end + 1])));
            if (startOk && endOk)
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }
}
