using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Inference;

[Collection(ApiCollection.Name)]
public sealed class PredictTests(ApiFactory api)
{
    private const string Path = "/api/v1/models/support-intent/predict";

    [Fact]
    public async Task Predict_ByLicensedTenant_ReturnsRankedLabelsAndADurableAuditEntry()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync(Path, new { text = "I was charged twice on my credit card this month, please refund me" });

        var body = await response.ReadJsonAsync();
        var labels = body.GetProperty("labels").EnumerateArray().ToArray();
        Assert.Equal(Seeder.SupportIntent.Manifest.Labels.Count, labels.Length);
        Assert.Equal("billing", labels[0].GetProperty("label").GetString());
        Assert.InRange(labels.Sum(l => l.GetProperty("score").GetSingle()), 0.999f, 1.001f);
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Audit-Sequence").Single());
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND action = 'model.predict' AND tenant_id = 'acme' " +
            $"AND model_name = 'support-intent' AND status_code = 200 AND model_digest IS NOT NULL AND input_digest IS NOT NULL AND output_digest IS NOT NULL"));
    }

    [Fact]
    public async Task Predict_ByUnlicensedTenant_Returns403WithRuleIdAndAuditsTheDenial()
    {
        using var client = api.ClientAs(Roles.Tenant, "other");
        var before = await api.AuditCountAsync();

        using var response = await client.PostAsJsonAsync(Path, new { text = "hello" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["license.required"], problem.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(before + 1, await api.AuditCountAsync());
        var sequence = problem.GetProperty("auditSequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND tenant_id = 'other' AND status_code = 403 AND 'license.required' = ANY(rule_ids)"));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Compliance)]
    public async Task Predict_ByNonTenantRole_Returns403(string role)
    {
        using var client = api.ClientAs(role);

        using var response = await client.PostAsJsonAsync(Path, new { text = "hello" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Predict_WithEmptyText_Returns400WithFieldErrorsAndWritesOnlyTheAuditEntry()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var (audit, catalog) = (await api.AuditCountAsync(), await api.CatalogRowCountAsync());

        using var response = await client.PostAsJsonAsync(Path, new { text = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(audit + 1, await api.AuditCountAsync());
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Predict_OnANonTextModel_Returns400()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync("/api/v1/models/credit-risk/predict", new { text = "hello" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-inference-input");
    }
}
