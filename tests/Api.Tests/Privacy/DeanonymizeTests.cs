using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Privacy;

[Collection(ApiCollection.Name)]
public sealed class DeanonymizeTests(ApiFactory api)
{
    private const string Text = "Mail jane.roe@example.com about card 4111 1111 1111 1111.";

    private async Task<string> EncryptedForAcmeAsync()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        var request = new { text = Text, operators = new Dictionary<string, object> { ["DEFAULT"] = new { type = "encrypt" } } };
        var encrypted = await AnonymizeEndpointTests.TextOfAsync(tenant.PostAsJsonAsync("/api/v1/pii/anonymize", request));
        Assert.DoesNotContain("jane", encrypted, StringComparison.Ordinal);
        Assert.Contains("<ENC:EMAIL_ADDRESS:", encrypted, StringComparison.Ordinal);
        return encrypted;
    }

    [Theory]
    [InlineData(Roles.Compliance)]
    [InlineData(Roles.Admin)]
    public async Task Deanonymize_ByComplianceOrAdmin_RestoresTheOriginalAndIsAudited(string role)
    {
        var encrypted = await EncryptedForAcmeAsync();
        using var client = api.ClientAs(role);

        using var response = await client.PostAsJsonAsync("/api/v1/deanonymize", new { text = encrypted, tenant = "acme" });

        Assert.Equal(Text, (await response.ReadJsonAsync()).GetProperty("text").GetString());
        var sequence = response.Headers.GetValues("X-Audit-Sequence").Single();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'pii.deanonymize' " +
            $"AND tenant_id = 'acme' AND status_code = 200 AND actor_role = '{role}'"));
    }

    [Fact]
    public async Task Deanonymize_ByATenant_Returns403AndIsAudited()
    {
        var encrypted = await EncryptedForAcmeAsync();
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var before = await api.AuditCountAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/deanonymize", new { text = encrypted, tenant = "acme" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before + 1, await api.AuditCountAsync());
    }

    [Fact]
    public async Task Deanonymize_UnderAnotherTenantsKey_Returns400WithoutAnyOriginal()
    {
        var encrypted = await EncryptedForAcmeAsync();
        using var client = api.ClientAs(Roles.Compliance);

        using var response = await client.PostAsJsonAsync("/api/v1/deanonymize", new { text = encrypted, tenant = "other" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "deanonymization-failed");
        Assert.DoesNotContain("jane", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deanonymize_ForAnUnknownTenant_Returns404()
    {
        using var client = api.ClientAs(Roles.Compliance);

        using var response = await client.PostAsJsonAsync("/api/v1/deanonymize", new { text = "x", tenant = "nobody" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
