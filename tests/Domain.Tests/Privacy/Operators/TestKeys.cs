using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Domain.Tests.Privacy.Operators;

/// <summary>Fixed keys per tenant and a counting nonce source, so every token is reproducible.</summary>
internal static class TestKeys
{
    public static AnonymizationKeys For(string tenant, IRandomSource? random = null) => new(
        Derive("hmac/" + tenant), Derive("data/" + tenant), random ?? new CountingRandom());

    public static PiiEntity Entity(string text, string value, string type)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' is not in the text");
        return new PiiEntity(type, start, start + value.Length, 1.0, "test");
    }

    private static byte[] Derive(string label) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label));
}

internal sealed class CountingRandom : IRandomSource
{
    private byte _next;

    public void Fill(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = _next++;
        }
    }
}
