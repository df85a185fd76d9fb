using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

[Collection(ApiCollection.Name)]
public sealed class PiiEndpointTests(ApiFactory api)
{
    private const string Email = "jane.roe@example.com";
    private const string Card = "4111\u200B1111 1111 1111";
    private const string Phone = "+44 20 7946 0958";
    private static readonly string Text = $"Write to {Email}, card {Card}, or ring {Phone} today.";

    [Fact]
    public async Task Analyze_FindsEmailCardWithZeroWidthSpaceAndPhone_AtUtf16OffsetsOfTheOriginal()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = Text });

        var spans = (await response.ReadJsonAsync()).EnumerateArray().ToArray();
        AssertSpan(spans, "EMAIL_ADDRESS", Email);
        AssertSpan(spans, "CREDIT_CARD", Card);
        AssertSpan(spans, "PHONE_NUMBER", Phone);
        Assert.All(spans, s =>
        {
            Assert.InRange(s.GetProperty("score").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("recognizer").GetString()));
        });
        Assert.True(response.Headers.Contains("X-Audit-Sequence"));
    }

    [Fact]
    public async Task Analyze_WithEntities_ReportsOnlyThoseTypes()
    {
        using var client = api.ClientAs(Roles.Compliance);

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = Text, entities = new[] { "EMAIL_ADDRESS" } });

        var spans = (await response.ReadJsonAsync()).EnumerateArray().ToArray();
        Assert.All(spans, s => Assert.Equal("EMAIL_ADDRESS", s.GetProperty("entity_type").GetString()));
        AssertSpan(spans, "EMAIL_ADDRESS", Email);
    }

    [Fact]
    public async Task Analyze_WithAnUnknownEntityType_Returns400NamingIt()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = Text, entities = new[] { "SHOE_SIZE" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("SHOE_SIZE", problem.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_WithoutText_Returns400()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Analyze_WithoutAToken_Returns401()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/pii/analyze", new { text = Text });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static void AssertSpan(JsonElement[] spans, string type, string value)
    {
        var start = Text.IndexOf(value, StringComparison.Ordinal);
        Assert.Contains(spans, s => s.GetProperty("entity_type").GetString() == type
            && s.GetProperty("start").GetInt32() == start && s.GetProperty("end").GetInt32() == start + value.Length);
    }
}
