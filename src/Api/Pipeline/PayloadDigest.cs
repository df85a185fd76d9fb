using System.Security.Cryptography;
using System.Text.Json;

namespace Governance.Api.Pipeline;

/// <summary>
/// SHA-256 (hex) of a payload as the platform understood it (its JSON serialisation), so an audit
/// entry can prove which input and output it speaks of without storing either.
/// </summary>
public static class PayloadDigest
{
    public static string Of<T>(T payload) => OfBytes(JsonSerializer.SerializeToUtf8Bytes(payload));

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
