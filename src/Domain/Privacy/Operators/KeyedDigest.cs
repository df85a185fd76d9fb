using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// HMAC-SHA256 under the tenant's key over a purpose label and the canonical value, so a hash token and
/// a pseudonym of the same value are unrelated, and no token can be computed without the key.
/// </summary>
internal static class KeyedDigest
{
    public const int Size = 32;

    public static void Compute(byte[] key, string purpose, string entityType, bool bindType, string value, Span<byte> destination)
    {
        var canonical = ValueCanonicalizer.Canonicalize(entityType, value);
        var input = Encoding.UTF8.GetBytes(string.Concat(purpose, "\0", bindType ? entityType : "", "\0", canonical));
        HMACSHA256.HashData(key, input, destination);
    }

    public static string HashToken(byte[] key, string entityType, string value, int hexLength)
    {
        if (hexLength is < 8 or > Size * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(hexLength), hexLength, "A hash token keeps 8 to 64 hex characters.");
        }

        // The type only shapes canonicalization: equal values link across types within the tenant.
        Span<byte> mac = stackalloc byte[Size];
        Compute(key, "hash", entityType, bindType: false, value, mac);
        return $"<{entityType}:hmac:{Convert.ToHexStringLower(mac)[..hexLength]}>";
    }
}
