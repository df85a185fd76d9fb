using System.Globalization;
using System.Text;
using Governance.Domain.Models;

namespace Governance.Inference.Text;

/// <summary>
/// BERT's tokenizer: basic tokenization (drop control characters, split on whitespace, punctuation and
/// CJK ideographs; optionally lower-case and strip accents), then greedy longest-match-first WordPiece
/// with "##" continuations; a word with no split, or longer than <see cref="MaxCharsPerWord"/>, is [UNK].
/// The ids are framed by [CLS] ... [SEP] and truncated to <see cref="MaxTokens"/> (the tail is dropped).
/// Thread-safe: the vocabulary is read-only after construction.
/// </summary>
public sealed class WordPieceTokenizer
{
    public const int MaxCharsPerWord = 100;
    private const string Continuation = "##";

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
    private readonly bool _lowercase;

    public WordPieceTokenizer(TextEncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ids = new Dictionary<string, int>(spec.Vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < spec.Vocabulary.Count; i++)
        {
            ids.TryAdd(spec.Vocabulary[i], i);
        }

        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowercase = spec.Lowercase;
        MaxTokens = spec.MaxTokens;
        ClsId = Required(ids, "[CLS]");
        SepId = Required(ids, "[SEP]");
        UnknownId = Required(ids, "[UNK]");
        PadId = Required(ids, "[PAD]");
    }

    public int MaxTokens { get; }

    public int ClsId { get; }

    public int SepId { get; }

    public int UnknownId { get; }

    public int PadId { get; }

    /// <summary>The token ids of <paramref name="text"/>, [CLS] first and [SEP] last, at most <see cref="MaxTokens"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(Math.Min(MaxTokens, text.Length + 2)) { ClsId };
        var normalized = Normalize(text);
        var limit = MaxTokens - 1;
        var start = -1;
        for (var i = 0; i <= normalized.Length && ids.Count < limit; i++)
        {
            var c = i < normalized.Length ? normalized[i] : ' ';
            var alone = IsPunctuation(c) || IsCjk(c);
            if (c == ' ' || alone)
            {
                if (start >= 0)
                {
                    AddWord(normalized.AsSpan(start, i - start), ids, limit);
                    start = -1;
                }

                if (alone && ids.Count < limit)
                {
                    AddWord(normalized.AsSpan(i, 1), ids, limit);
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        ids.Add(SepId);
        return [.. ids];
    }

    // Clean (controls out, every whitespace a space), then lower-case and fold accents when asked.
    private string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            if (raw == '\0' || raw == '\uFFFD' || IsControl(raw))
            {
                continue;
            }

            var c = IsWhitespace(raw) ? ' ' : raw;
            if (_lowercase)
            {
                if (AccentFolding.IsCombiningMark(c))
                {
                    continue;
                }

                c = AccentFolding.Fold(char.ToLowerInvariant(c));
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private void AddWord(ReadOnlySpan<char> word, List<int> ids, int limit)
    {
        if (word.Length > MaxCharsPerWord)
        {
            ids.Add(UnknownId);
            return;
        }

        var first = ids.Count;
        Span<char> piece = stackalloc char[MaxCharsPerWord + Continuation.Length];
        Continuation.CopyTo(piece);
        var start = 0;
        while (start < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > start; end--)
            {
                scoped ReadOnlySpan<char> candidate = word[start..end];
                if (start > 0)
                {
                    candidate.CopyTo(piece[Continuation.Length..]);
                    candidate = piece[..(Continuation.Length + end - start)];
                }

                if (_ids.TryGetValue(candidate, out found))
                {
                    break;
                }
            }

            if (end == start)
            {
                // No piece fits: the whole word is unknown, as in BERT (not just its tail).
                ids.RemoveRange(first, ids.Count - first);
                ids.Add(UnknownId);
                return;
            }

            ids.Add(found);
            start = end;
        }

        if (ids.Count > limit)
        {
            ids.RemoveRange(limit, ids.Count - limit);
        }
    }

    private static int Required(Dictionary<string, int> ids, string token) =>
        ids.TryGetValue(token, out var id) ? id : throw new ArgumentException($"The vocabulary lacks {token}.", nameof(ids));

    // BERT's categories C* except tab and line ends; surrogates are halves of real characters (emoji → [UNK]).
    private static bool IsControl(char c) =>
        c is not ('\t' or '\n' or '\r')
        && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    // BERT counts all non-alphanumeric ASCII as punctuation, plus Unicode's P* categories.
    private static bool IsPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
