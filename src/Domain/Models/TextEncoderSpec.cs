namespace Governance.Domain.Models;

/// <summary>
/// How text becomes token ids and token states become one vector, for sentence encoders (the embed endpoints).
/// <see cref="Tokenizer"/> "bert-wordpiece": BERT's basic tokenization (optionally lower-cased with accents
/// stripped) and greedy longest-match WordPiece over <see cref="Vocabulary"/> (one token per entry, the id is
/// the index, as in vocab.txt), framed by [CLS] and [SEP] and truncated to <see cref="MaxTokens"/>.
/// <see cref="Pooling"/> "mean": the attention-masked mean of the first output's token states, then L2
/// normalization when <see cref="Normalize"/> is set.
/// </summary>
public sealed record TextEncoderSpec(
    string Tokenizer,
    IReadOnlyList<string> Vocabulary,
    bool Lowercase = true,
    int MaxTokens = 256,
    string Pooling = "mean",
    bool Normalize = true)
{
    public const string BertWordPiece = "bert-wordpiece";

    public const string MeanPooling = "mean";

    /// <summary>The longest input a BERT-family position table usually holds.</summary>
    public const int MaxTokensLimit = 512;

    /// <summary>Every reason this spec cannot be served, empty when it can.</summary>
    public IEnumerable<string> Problems()
    {
        if (!string.Equals(Tokenizer, BertWordPiece, StringComparison.Ordinal))
        {
            yield return $"tokenizer must be '{BertWordPiece}'.";
        }

        if (!string.Equals(Pooling, MeanPooling, StringComparison.Ordinal))
        {
            yield return $"pooling must be '{MeanPooling}'.";
        }

        if (MaxTokens is < 3 or > MaxTokensLimit)
        {
            yield return $"maxTokens must be 3..{MaxTokensLimit}.";
        }

        if (Vocabulary is null || Vocabulary.Count == 0)
        {
            yield return "vocabulary is required (the tokens of vocab.txt, in order).";
            yield break;
        }

        if (Vocabulary.Count > 1_000_000)
        {
            yield return "vocabulary may hold at most 1,000,000 tokens.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Vocabulary)
        {
            if (string.IsNullOrEmpty(token) || token.Length > 200)
            {
                yield return "every vocabulary token must be 1-200 characters.";
                yield break;
            }

            if (!seen.Add(token))
            {
                yield return $"vocabulary token '{token}' appears twice.";
                yield break;
            }
        }

        foreach (var special in new[] { "[CLS]", "[SEP]", "[UNK]", "[PAD]" })
        {
            if (!seen.Contains(special))
            {
                yield return $"vocabulary lacks {special}.";
            }
        }
    }
}
