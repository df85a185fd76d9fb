using System.Security.Cryptography;

namespace Governance.Domain.Privacy.Checksums;

/// <summary>Bitcoin's Base58Check: base-58 payload whose last four bytes are the start of SHA-256(SHA-256(rest)).</summary>
public static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static bool IsBase58(char c) => c < 0x80 && Alphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// Decodes <paramref name="text"/> into exactly <paramref name="output"/>.Length bytes and checks the
    /// checksum; false when the value does not fit that length or the checksum differs.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> output)
    {
        output.Clear();
        foreach (var c in text)
        {
            var carry = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (carry < 0)
            {
                return false;
            }

            for (var i = output.Length - 1; i >= 0; i--)
            {
                carry += output[i] * 58;
                output[i] = (byte)carry;
                carry >>= 8;
            }

            if (carry != 0)
            {
                return false;
            }
        }

        // Each leading '1' stands for one leading zero byte, and no other zeros may lead.
        var ones = text.IndexOfAnyExcept('1');
        ones = ones < 0 ? text.Length : ones;
        var zeros = output.IndexOfAnyExcept((byte)0);
        zeros = zeros < 0 ? output.Length : zeros;
        if (ones != zeros || output.Length < 5)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(output[..^4], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(output[^4..]);
    }
}
