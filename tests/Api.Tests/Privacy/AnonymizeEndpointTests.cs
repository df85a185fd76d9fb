using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

[Collection(ApiCollection.Name)]
public sealed partial class AnonymizeEndpointTests(ApiFactory api)
{
    private const string Text = "Mail jane.roe@example.com about card 4111 1111 1111 1111.";

    [Fact]
    public async Task Anonymize_WithMaskForEmailAndReplaceByDefault_AppliesEachAndListsTheSpans()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var operators = new Dictionary<string, object>
        {
            ["EMAIL_ADDRESS"] = new { type = "mask", masking_char = "#", chars_to_mask = 11, from_end = true },
            ["DEFAULT"] = new { type = "replace" },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text, operators });

        var body = await response.ReadJsonAsync();
        var text = body.GetProperty("text").GetString()!;
        Assert.Equal("Mail jane.roe@########### about card <CREDIT_CARD>.", text);
        var items = body.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["EMAIL_ADDRESS:mask", "CREDIT_CARD:replace"], items.Select(i => i.GetProperty("entity_type").GetString() + ":" + i.GetProperty("operator").GetString()));
        Assert.Equal("<CREDIT_CARD>", text[items[1].GetProperty("start").GetInt32()..items[1].GetProperty("end").GetInt32()]);
    }

    [Fact]
    public async Task Anonymize_WithHash_IsStableWithinATenantAndUnlinkableAcrossTenants()
    {
        var request = new { text = Text, operators = new Dictionary<string, object> { ["DEFAULT"] = new { type = "hash" } } };
        using var acme = api.ClientAs(Roles.Tenant, "acme");
        using var other = api.ClientAs(Roles.Tenant, "other");

        var first = await TextOfAsync(acme.PostAsJsonAsync("/api/v1/pii/anonymize", request));
        var again = await TextOfAsync(acme.PostAsJsonAsync("/api/v1/pii/anonymize", request));
        var elsewhere = await TextOfAsync(other.PostAsJsonAsync("/api/v1/pii/anonymize", request));

        Assert.Matches(HashedText(), first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, elsewhere);
    }

    [Fact]
    public async Task Anonymize_WithAnUnknownOperatorType_Returns400NamingIt()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var operators = new Dictionary<string, object> { ["EMAIL_ADDRESS"] = new { type = "shred" } };

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text, operators });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("'shred'", problem.GetProperty("errors").GetProperty("operators").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymize_WithAnOperatorForAnUnknownEntityType_Returns400NamingIt()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var operators = new Dictionary<string, object> { ["SHOE_SIZE"] = new { type = "redact" } };

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text, operators });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("SHOE_SIZE", problem.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymize_AsAdminWithAKeyedOperatorButNoTenant_Returns400()
    {
        using var client = api.ClientAs(Roles.Admin);
        var operators = new Dictionary<string, object> { ["DEFAULT"] = new { type = "encrypt" } };

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text, operators });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("tenant", out _));
    }

    [Fact]
    public async Task Anonymize_AsTenantNamingAnotherTenant_Returns403()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/pii/anonymize", new { text = Text, tenant = "other" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    internal static async Task<string> TextOfAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return (await response.ReadJsonAsync()).GetProperty("text").GetString()!;
    }

    [GeneratedRegex("^Mail <EMAIL_ADDRESS:hmac:[0-9a-f]{16}> about card <CREDIT_CARD:hmac:[0-9a-f]{16}>\\.$")]
    private static partial Regex HashedText();
}
