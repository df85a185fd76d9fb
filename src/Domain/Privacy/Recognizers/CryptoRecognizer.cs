using System.Buffers;

using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>
/// CRYPTO: Bitcoin addresses (Base58Check P2PKH "1..." and P2SH "3...", Bech32/Bech32m "bc1...") and
/// Ethereum addresses ("0x" + 40 hex; an EIP-55 mixed-case checksum must hold, single-case scores lower).
/// </summary>
public sealed class CryptoRecognizer : IPiiRecognizer
{
    public const string EntityType = "CRYPTO";
    private const double UncheckedEthereumScore = 0.6;

    public string Name => nameof(CryptoRecognizer);

    // Every address holds one of these at its start ("1", "3", "0x") or two after it ("bc1").
    private static readonly SearchValues<char> FirstDigits = SearchValues.Create("013");

    public IReadOnlyList<string> EntityTypes { get; } = [EntityType];

    public IReadOnlyList<string> ContextWords { get; } = ["wallet", "bitcoin", "btc", "ethereum", "eth", "crypto", "address", "send", "pay"];

    public void Analyze(NormalizedText text, List<PiiCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        var s = text.Text.AsSpan();
        var i = 0;
        while ((i = Anchors.Skip(s, i, FirstDigits, 0, 2)) < s.Length)
        {
            if (!char.IsAsciiLetterOrDigit(s[i]) || (i > 0 && IsWordChar(s[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < s.Length && IsWordChar(s[end]))
            {
                end++;
            }

            var score = Judge(s[i..end]);
            if (score > 0)
            {
                results.Add(new PiiCandidate(EntityType, i, end, score, Name));
            }

            i = end;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static double Judge(ReadOnlySpan<char> word)
    {
        if (word.Length is >= 26 and <= 35 && word[0] is '1' or '3')
        {
            Span<byte> decoded = stackalloc byte[25];
            return Base58Check.TryDecode(word, decoded) && decoded[0] == (word[0] == '1' ? 0x00 : 0x05) ? 1.0 : 0;
        }

        if (word.Length is >= 14 and <= 90 && word.StartsWith("bc1", StringComparison.OrdinalIgnoreCase))
        {
            return IsSegwit(word) ? 1.0 : 0;
        }

        if (word.Length == 42 && word[0] == '0' && word[1] is 'x' or 'X')
        {
            return Ethereum.Judge(word[2..], UncheckedEthereumScore);
        }

        return 0;
    }

    // BIP-173/350: one letter case throughout; witness version 0 uses Bech32, versions 1-16 Bech32m.
    private static bool IsSegwit(ReadOnlySpan<char> word)
    {
        var hasLower = word.ContainsAnyInRange('a', 'z');
        var hasUpper = word.ContainsAnyInRange('A', 'Z');
        if (hasLower && hasUpper)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        var version = Bech32.Charset.IndexOf(lower[3]);
        var encoding = Bech32.Verify(lower);
        return version switch
        {
            0 => encoding == Bech32.Encoding.Bech32 && lower.Length is 42 or 62,
            >= 1 and <= 16 => encoding == Bech32.Encoding.Bech32m,
            _ => false,
        };
    }
}
