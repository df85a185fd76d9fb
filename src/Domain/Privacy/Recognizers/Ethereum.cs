using Governance.Domain.Privacy.Checksums;

namespace Governance.Domain.Privacy.Recognizers;

/// <summary>EIP-55: a hex letter is upper case exactly when the matching nibble of Keccak-256(lower-case address) is 8 or more.</summary>
internal static class Ethereum
{
    /// <summary>The score of 40 hex characters: 1.0 when mixed case passes EIP-55, the given score when single-case, else 0.</summary>
    public static double Judge(ReadOnlySpan<char> hex, double singleCaseScore)
    {
        if (hex.Length != 40 || hex.ContainsAnyExcept(Hex.Chars))
        {
            return 0;
        }

        var hasLower = hex.ContainsAnyInRange('a', 'f');
        var hasUpper = hex.ContainsAnyInRange('A', 'F');
        if (!(hasLower && hasUpper))
        {
            return singleCaseScore;
        }

        Span<byte> lower = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            lower[i] = (byte)char.ToLowerInvariant(hex[i]);
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(lower, hash);
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xF;
            if (char.IsAsciiLetter(hex[i]) && char.IsAsciiLetterUpper(hex[i]) != nibble >= 8)
            {
                return 0;
            }
        }

        return 1.0;
    }

    private static class Hex
    {
        public static readonly System.Buffers.SearchValues<char> Chars =
            System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    }
}
