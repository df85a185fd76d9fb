using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Policies;

/// <summary>Its own API and database: the policy activated here denies tenants the other suites use.</summary>
[CollectionDefinition(Name)]
public sealed class AttributePolicyCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "policy-attributes";
}

/// <summary>
/// tenant.region / tenant.tier (stored on the tenant) and model.data_categories / model.license.* (from the
/// registered demo manifests) decide real governed calls made with real tokens.
/// </summary>
[Collection(AttributePolicyCollection.Name)]
public sealed class TenantAndModelAttributeTests(ApiFactory api) : IAsyncLifetime
{
    private const string Yaml = """
        name: attribute-rules
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: residency.europe
            when:
              all:
                - model.name: { equals: support-intent }
                - not: { tenant.region: { in: [eu, uk] } }
            deny: { message: Support messages are processed for European tenants only. }
          - id: financial.premium
            when:
              all:
                - model.data_categories: { contains: financial }
                - not: { tenant.tier: { in: [premium, enterprise] } }
            deny: { message: Models on financial data are for premium tenants. }
          - id: license.purpose
            when:
              all:
                - request.purpose: { exists: true }
                - not: { model.license.purposes: { contains: marketing } }
                - request.purpose: { equals: marketing }
            deny: { message: The model's license terms do not permit marketing. }
        """;

    public async Task InitializeAsync()
    {
        using var admin = api.ClientAs(Roles.Admin);
        foreach (var (id, region, tier) in new[] { ("eu-bank", "eu", "premium"), ("us-shop", "us", "standard") })
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id, name = id, region, tier });
            if (created.StatusCode == HttpStatusCode.Conflict)
            {
                continue; // a previous test in this class made them
            }

            await created.ReadJsonAsync(HttpStatusCode.Created);
            foreach (var model in new[] { "support-intent", "credit-risk" })
            {
                using var granted = await admin.PostAsJsonAsync($"/api/v1/tenants/{id}/licenses", new { model });
                await granted.ReadJsonAsync(HttpStatusCode.Created);
            }
        }

        if (await api.ScalarAsync("SELECT count(*) FROM policy_versions WHERE name = 'attribute-rules'") == 0)
        {
            await api.ActivateNewAsync(Yaml);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TenantRegion_AllowsTheEuropeanTenant_AndDeniesTheAmericanOneNamingTheRule()
    {
        using var allowed = await PredictAsync("eu-bank", purpose: "support");
        var body = await allowed.ReadJsonAsync();
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND decision::jsonb->'context'->>'tenant.region' = 'eu' AND decision::jsonb->'context'->>'tenant.tier' = 'premium'"));

        using var denied = await PredictAsync("us-shop", purpose: "support");
        var problem = await denied.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["residency.europe"], RuleIds(problem));
    }

    [Fact]
    public async Task DataCategoriesAndTenantTier_AllowThePremiumTenantTheFinancialModel_AndDenyTheStandardOne()
    {
        using var allowed = await InferCreditRiskAsync("eu-bank");
        await allowed.ReadJsonAsync();

        using var denied = await InferCreditRiskAsync("us-shop");
        var problem = await denied.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["financial.premium"], RuleIds(problem));
        Assert.Contains("premium tenants", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicensePurposes_DenyAPurposeTheTermsDoNotPermit_AndAllowOneTheyDo()
    {
        using var denied = await PredictAsync("eu-bank", purpose: "marketing");
        var problem = await denied.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        Assert.Equal(["license.purpose"], RuleIds(problem));

        using var allowed = await PredictAsync("eu-bank", purpose: "quality-assurance");
        var body = await allowed.ReadJsonAsync();
        var sequence = body.GetProperty("audit").GetProperty("sequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND (decision::jsonb->'context'->>'model.license.commercial')::boolean " +
            "AND decision::jsonb->'context'->>'model.license.id' = 'governance-demo-eula-1' AND decision::jsonb->'context'->'model.data_categories' ? 'contact'"));
    }

    [Fact]
    public async Task ChangingATenantsRegion_ChangesTheNextCallsDecision()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using (var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "relocating", name = "Relocating", region = "ca", tier = "standard" }))
        using (var granted = await admin.PostAsJsonAsync("/api/v1/tenants/relocating/licenses", new { model = "support-intent" }))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created);
            await granted.ReadJsonAsync(HttpStatusCode.Created);
        }

        using (var before = await PredictAsync("relocating", purpose: "support"))
        {
            await before.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
        }

        using (var moved = await admin.PutAsJsonAsync("/api/v1/tenants/relocating/attributes", new { region = "uk", tier = "standard" }))
        {
            await moved.ReadJsonAsync();
        }

        using var after = await PredictAsync("relocating", purpose: "support");
        await after.ReadJsonAsync();
    }

    private async Task<HttpResponseMessage> PredictAsync(string tenant, string purpose)
    {
        using var client = api.ClientAs(Roles.Tenant, tenant);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/models/support-intent/predict") { Content = JsonContent.Create(new { text = "my card was charged twice" }) };
        request.Headers.Add("X-Purpose", purpose);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> InferCreditRiskAsync(string tenant)
    {
        using var client = api.ClientAs(Roles.Tenant, tenant);
        return await client.PostAsJsonAsync("/v2/models/credit-risk/infer", new
        {
            inputs = new[] { new { name = "applicant", shape = new[] { 1, 4 }, datatype = "FP32", data = new[] { new[] { 60f, 0.3f, 40f, 1f } } } },
        });
    }

    private static string[] RuleIds(JsonElement problem) => [.. problem.GetProperty("ruleIds").EnumerateArray().Select(e => e.GetString()!)];
}
