using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Presidio.PresidioHttp;

namespace Governance.Api.Tests.Presidio;

/// <summary>
/// Low-confidence forms on the Presidio surface (threshold 0, Presidio's scores) against our own endpoint
/// (threshold 0.5): the same text, over real Kestrel-hosted handlers and the real analyzer. Cases are from
/// Presidio's recognizer unit tests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PresidioLowConfidenceTests(ApiFactory api)
{
    [Theory]
    [InlineData("AA1234567", "IT_PASSPORT", 0, 9, 0.01)]
    [InlineData("ABCPD1234Z", "IN_PAN", 0, 10, 0.5)]
    [InlineData("B3097651", "IN_PASSPORT", 0, 8, 0.1)]
    [InlineData("078-051121", "US_SSN", 0, 10, 0.05)]
    [InlineData("Today is 5/21", "DATE_TIME", 9, 13, 0.1)]
    [InlineData("Unspecified ::", "IP_ADDRESS", 12, 14, 0.1)]
    [InlineData("KA53ME3456", "IN_VEHICLE_REGISTRATION", 0, 10, 1.0)]
    [InlineData("020594X903P", "FI_PERSONAL_IDENTITY_CODE", 0, 11, 1.0)]
    public async Task WeakForm_IsReturnedWithItsScore_OnPresidio_AndNotByDefaultOnOurEndpoint(string text, string type, int start, int end, double score)
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var (status, body) = await PostAsync(client, "/presidio/analyze", $$"""{"text": "{{text}}", "language": "en", "entities": ["{{type}}"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var found = Assert.Single(body.EnumerateArray());
        Assert.Equal((type, start, end, score),
            (found.GetProperty("entity_type").GetString(), found.GetProperty("start").GetInt32(), found.GetProperty("end").GetInt32(), found.GetProperty("score").GetDouble()));

        using var ours = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text, entities = new[] { type } });
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        var spans = (await ours.ReadJsonAsync()).EnumerateArray().ToArray();
        Assert.Equal(score >= 0.5, spans.Length == 1);
    }

    [Fact]
    public async Task Catalogs_ListTheNationalRecognizersAddedForParity()
    {
        using var client = api.ClientAs(Roles.Admin);
        var (_, entities) = await GetAsync(client, "/presidio/supportedentities?language=en");
        var (_, recognizers) = await GetAsync(client, "/presidio/recognizers?language=en");

        var types = entities.EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var type in new[] { "IN_PAN", "IN_VEHICLE_REGISTRATION", "IN_VOTER", "IN_PASSPORT", "IT_VAT_CODE", "IT_DRIVER_LICENSE",
            "IT_PASSPORT", "IT_IDENTITY_CARD", "PL_PESEL", "FI_PERSONAL_IDENTITY_CODE", "KR_RRN" })
        {
            Assert.Contains(type, types);
        }

        var names = recognizers.EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var name in new[] { "InPanRecognizer", "ItVatCodeRecognizer", "PlPeselRecognizer", "FiPersonalIdentityCodeRecognizer", "KrRrnRecognizer" })
        {
            Assert.Contains(name, names);
        }
    }

    [Fact]
    public async Task OurEndpoint_AcceptsTheNewEntityTypes_AndFindsAValueWithItsContextWord()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = "PESEL 44051401458", entities = new[] { "PL_PESEL" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = Assert.Single((await response.ReadJsonAsync()).EnumerateArray());
        Assert.Equal((6, 17), (found.GetProperty("start").GetInt32(), found.GetProperty("end").GetInt32()));
    }
}
