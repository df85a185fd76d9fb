using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>Issue 16's evasion classes, found at the exact original span on our endpoint and through the Presidio surface alike.</summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioEvasionTests(ApiFactory api)
{
    public static TheoryData<string, string, string> Evasions => new()
    {
        { "card 4111\n\n1111   1111\t1111 ok", "CREDIT_CARD", "4111\n\n1111   1111\t1111" },
        { "NHS number 943_476_5919 ok", "UK_NHS", "943_476_5919" },
        { "card 4lll 1111 1111 llll ok", "CREDIT_CARD", "4lll 1111 1111 llll" },
        { "IBAN GB82 WEST l234 S698 7G54 32 ok", "IBAN_CODE", "GB82 WEST l234 S698 7G54 32" },
        { "from 0300.0250.01.030 today", "IP_ADDRESS", "0300.0250.01.030" },
        { "client ip 3232235800 blocked", "IP_ADDRESS", "3232235800" },
    };

    [Theory]
    [MemberData(nameof(Evasions))]
    public async Task Evasion_IsFound_ThroughThePresidioSurface(string text, string type, string value)
    {
        var request = JsonSerializer.Serialize(new { text, language = "en", entities = new[] { type } });

        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/presidio/analyze", request);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertFound(body, text, type, value);
    }

    [Theory]
    [MemberData(nameof(Evasions))]
    public async Task Evasion_IsFound_OnOurEndpoint(string text, string type, string value)
    {
        var request = JsonSerializer.Serialize(new { text, entities = new[] { type } });

        var (status, body) = await PostAsync(api.ClientAs(Roles.Tenant, "acme"), "/api/v1/pii/analyze", request);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertFound(body, text, type, value);
    }

    private static void AssertFound(JsonElement body, string text, string type, string value)
    {
        var found = Assert.Single(body.EnumerateArray());
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.Equal((type, start, start + value.Length),
            (found.GetProperty("entity_type").GetString(), found.GetProperty("start").GetInt32(), found.GetProperty("end").GetInt32()));
    }
}
