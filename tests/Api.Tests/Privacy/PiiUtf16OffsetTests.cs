using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

/// <summary>
/// Offsets are UTF-16 code units of the original text, as .NET strings (and JavaScript) count them: an
/// emoji before a value counts 2, a full-width letter 1, an invisible character 1; neither code points
/// nor UTF-8 bytes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PiiUtf16OffsetTests(ApiFactory api)
{
    // "😀" is a surrogate pair (2 units, 4 UTF-8 bytes); "é" is 1 unit and 2 bytes; U+200B sits inside the card.
    private const string Email = "jo\uFF20example.com";
    private const string Card = "4111\u200B1111 1111 1111";
    private static readonly string Text = $"\U0001F600\U0001F600 café, write to {Email} or pay with {Card} 🎉.";

    [Fact]
    public async Task Analyze_AfterSurrogatePairsAndAccents_ReportsUtf16OffsetsOfTheOriginal()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = Text });

        var spans = (await response.ReadJsonAsync()).EnumerateArray()
            .ToDictionary(s => s.GetProperty("entity_type").GetString()!, s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()));
        var email = Text.IndexOf(Email, StringComparison.Ordinal);
        var card = Text.IndexOf(Card, StringComparison.Ordinal);
        Assert.Equal(20, email); // 2 emoji x 2 units + " café, write to " (16 units); 27 in UTF-8 bytes, 18 in code points
        Assert.Equal((email, email + Email.Length), spans["EMAIL_ADDRESS"]);
        Assert.Equal((card, card + Card.Length), spans["CREDIT_CARD"]);
    }

    [Fact]
    public async Task Anonymize_AfterSurrogatePairs_ReplacesExactlyTheOriginalSpansAndReportsOffsetsInTheNewText()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text });

        var body = await response.ReadJsonAsync();
        var text = body.GetProperty("text").GetString()!;
        Assert.Equal("\U0001F600\U0001F600 café, write to <EMAIL_ADDRESS> or pay with <CREDIT_CARD> 🎉.", text);
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            var replaced = text[item.GetProperty("start").GetInt32()..item.GetProperty("end").GetInt32()];
            Assert.Equal("<" + item.GetProperty("entity_type").GetString() + ">", replaced);
        }
    }
}
