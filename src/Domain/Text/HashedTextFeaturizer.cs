using Governance.Domain.Models;

namespace Governance.Domain.Text;

/// <summary>
/// The "hashed-ngrams" featurizer: word unigrams, word bigrams and boundary-marked character
/// n-grams of the invariant-lower-cased text, hashed with signed feature hashing into
/// <see cref="Dimensions"/> buckets and L2-normalised.
/// </summary>
/// <remarks>
/// The hashing is part of every trained model's contract: the model and the serving path must
/// featurize identically, so any change here needs a new featurizer kind, never an edit.
/// FNV-1a 32 (see <see cref="Fnv1a"/>) runs over the lower-cased UTF-16 text; each
/// feature family starts from its own seed so that e.g. the word "abc" and the trigram "abc"
/// land in unrelated buckets. The top hash bit picks the sign, which makes collisions cancel out
/// on average instead of piling up.
/// </remarks>
public sealed class HashedTextFeaturizer(TextFeaturizerSpec spec)
{
    public const string Kind = "hashed-ngrams";
    public const int MinDimensions = 16;
    public const int MaxDimensions = 1 << 20;
    public const int MaxCharNgram = 8;

    private const char WordStart = '<';
    private const char WordEnd = '>';
    private const char BigramJoin = ' ';

    private static readonly uint UnigramSeed = Fnv1a.Seed('w');
    private static readonly uint BigramSeed = Fnv1a.Seed('b');
    private static readonly uint CharNgramSeed = Fnv1a.Seed('c');

    private readonly TextFeaturizerSpec _spec = Validate(spec);

    public int Dimensions => _spec.Dimensions;

    /// <summary>Writes the feature vector of <paramref name="text"/>; all zeros when it has no word.</summary>
    public void Featurize(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.Length != _spec.Dimensions)
        {
            throw new ArgumentException($"Destination must have exactly {_spec.Dimensions} elements.", nameof(destination));
        }

        destination.Clear();
        var previous = ReadOnlySpan<char>.Empty;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            Accumulate(destination, Fnv1a.HashLowered(UnigramSeed, word));
            if (!previous.IsEmpty)
            {
                var bigram = Fnv1a.Mix(Fnv1a.HashLowered(BigramSeed, previous), BigramJoin);
                Accumulate(destination, Fnv1a.HashLowered(bigram, word));
            }

            AccumulateCharNgrams(destination, word);
            previous = word;
        }

        Normalize(destination);
    }

    private void AccumulateCharNgrams(Span<float> destination, ReadOnlySpan<char> word)
    {
        // The padded word is "<" + word + ">"; positions -1 and word.Length are the markers.
        for (var start = -1; start <= word.Length; start++)
        {
            var hash = CharNgramSeed;
            for (var length = 1; length <= _spec.CharNgramMax && start + length - 1 <= word.Length; length++)
            {
                var position = start + length - 1;
                var c = position < 0 ? WordStart : position == word.Length ? WordEnd : char.ToLowerInvariant(word[position]);
                hash = Fnv1a.Mix(hash, c);
                if (length >= _spec.CharNgramMin)
                {
                    Accumulate(destination, hash);
                }
            }
        }
    }

    private static void Accumulate(Span<float> destination, uint hash)
    {
        var bucket = (int)(hash % (uint)destination.Length);
        destination[bucket] += (hash & 0x8000_0000u) == 0 ? 1f : -1f;
    }

    private static void Normalize(Span<float> vector)
    {
        double sumOfSquares = 0;
        foreach (var value in vector)
        {
            sumOfSquares += (double)value * value;
        }

        if (sumOfSquares == 0)
        {
            return;
        }

        var scale = (float)(1.0 / Math.Sqrt(sumOfSquares));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }
    }

    // Decided on the lower-cased character so that tokenisation and hashing agree on case.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(char.ToLowerInvariant(c));

    private static TextFeaturizerSpec Validate(TextFeaturizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!string.Equals(spec.Kind, Kind, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unknown featurizer kind '{spec.Kind}'; expected '{Kind}'.", nameof(spec));
        }

        if (spec.Dimensions is < MinDimensions or > MaxDimensions)
        {
            throw new ArgumentException($"Dimensions must be in {MinDimensions}..{MaxDimensions}, was {spec.Dimensions}.", nameof(spec));
        }

        if (spec.CharNgramMin < 1 || spec.CharNgramMin > spec.CharNgramMax || spec.CharNgramMax > MaxCharNgram)
        {
            throw new ArgumentException(
                $"Character n-gram lengths must satisfy 1 <= min <= max <= {MaxCharNgram}, were {spec.CharNgramMin}..{spec.CharNgramMax}.",
                nameof(spec));
        }

        return spec;
    }
}
