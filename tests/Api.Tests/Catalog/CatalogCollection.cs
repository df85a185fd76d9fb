using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Policies;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Catalog;

/// <summary>Its own API and database: these tests revoke licenses, retire versions and move tenants.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "catalog";
}

/// <summary>The policy these tests decide with, and calls that say what a host decided.</summary>
internal static class CatalogCalls
{
    public const string Yaml = """
        name: catalog-coherence
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: region.us.closed
            when: { tenant.region: { equals: us } }
            deny: { message: Closed for tenants in the us region. }
          - id: tier.free.closed
            when: { tenant.tier: { equals: free } }
            deny: { message: Closed for free tenants. }
        """;

    public static async Task EnsurePolicyAsync(ApiFactory api)
    {
        var active = api.Services.GetService(typeof(Governance.Api.PolicyEngine.ActivePolicy)) as Governance.Api.PolicyEngine.ActivePolicy;
        if (active?.Current?.Rules.Any(r => r.Id == "region.us.closed") != true)
        {
            await api.ActivateNewAsync(Yaml);
        }
    }

    /// <summary>Status and the denying rule (if any) of a predict call by <paramref name="tenant"/>.</summary>
    public static async Task<(HttpStatusCode Status, string? Rule)> PredictAsync(HttpClient tenant, string? version = null)
    {
        var path = version is null ? "/api/v1/models/support-intent/predict" : "/v2/models/support-intent/versions/" + version + "/ready";
        using var response = version is null
            ? await tenant.PostAsync(path, new StringContent("""{"text":"hello"}""", Encoding.UTF8, "application/json"))
            : await tenant.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        string? rule = null;
        if (response.StatusCode == HttpStatusCode.Forbidden && JsonDocument.Parse(text).RootElement.TryGetProperty("ruleIds", out var ids))
        {
            rule = ids[0].GetString();
        }

        return (response.StatusCode, rule);
    }

    public static async Task ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task SetAttributesAsync(HttpClient admin, string tenant, string? region, string? tier) =>
        ExpectAsync(admin.PutAsJsonAsync($"/api/v1/tenants/{tenant}/attributes", new { region, tier }), HttpStatusCode.OK);

    public static Task RevokeAsync(HttpClient admin, string tenant, string model) =>
        ExpectAsync(admin.DeleteAsync($"/api/v1/tenants/{tenant}/licenses/{model}"), HttpStatusCode.OK);

    public static Task GrantAsync(HttpClient admin, string tenant, string model) =>
        ExpectAsync(admin.PostAsJsonAsync($"/api/v1/tenants/{tenant}/licenses", new { model }), HttpStatusCode.Created);

    public static HttpClient Admin(ApiFactory api) => api.ClientAs(Roles.Admin);
}
