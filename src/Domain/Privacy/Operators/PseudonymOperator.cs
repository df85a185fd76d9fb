using System.Buffers.Binary;
using System.Globalization;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// A consistent surrogate: the tenant's HMAC of (type, canonical value) picks it, so one value always
/// gets the same stand-in within a tenant and an unrelated one in another tenant. The lists are small,
/// so two values may share a stand-in; pseudonyms hide values, they do not preserve distinctness.
/// </summary>
internal static class PseudonymOperator
{
    public static string Apply(byte[] hmacKey, string entityType, string value)
    {
        Span<byte> mac = stackalloc byte[KeyedDigest.Size];
        KeyedDigest.Compute(hmacKey, "pseudonym", entityType, bindType: true, value, mac);
        var first = BinaryPrimitives.ReadUInt32BigEndian(mac);
        var second = BinaryPrimitives.ReadUInt32BigEndian(mac[4..]);
        return entityType switch
        {
            "PERSON" => string.Concat(Pick(Surrogates.GivenNames, first), " ", Pick(Surrogates.FamilyNames, second)),
            "EMAIL_ADDRESS" => string.Concat("user-", Convert.ToHexStringLower(mac[..4]), "@example.com"),
            "PHONE_NUMBER" => string.Create(CultureInfo.InvariantCulture,
                $"+1 {Pick(Surrogates.AreaCodes, first)} 555-01{second % 100:00}"),
            "CREDIT_CARD" => Pick(Surrogates.TestCardNumbers, first),
            _ => string.Concat("<", entityType, "_", Convert.ToHexStringLower(mac[..4]), ">"),
        };
    }

    private static string Pick(string[] list, uint value) => list[(int)(value % (uint)list.Length)];
}
