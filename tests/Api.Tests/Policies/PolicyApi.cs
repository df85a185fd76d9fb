using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Api.PolicyEngine;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Policies;

/// <summary>Policy tests get their own API and database: they change what the active policy decides.</summary>
[CollectionDefinition(Name)]
public sealed class PolicyCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "policies";
}

/// <summary>Two distinct admins (four eyes), and the lifecycle steps over HTTP.</summary>
internal static class PolicyApi
{
    public const string DefaultYaml = """
        name: default-copy
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
        """;

    public static HttpClient Admin(this ApiFactory api, string subject)
    {
        var client = api.CreateClient();
        var token = api.Services.GetRequiredService<TokenIssuer>().Issue(subject, Roles.Admin, null, clientId: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    public static async Task<int> CreateDraftAsync(this HttpClient admin, string yaml)
    {
        using var response = await admin.PostAsync("/api/v1/policies", Yaml(yaml));
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32();
    }

    /// <summary>Draft by alice, approval by bob, activation by alice; returns once this host decides with it.</summary>
    public static async Task<int> ActivateNewAsync(this ApiFactory api, string yaml)
    {
        using var alice = api.Admin("alice");
        using var bob = api.Admin("bob");
        var version = await alice.CreateDraftAsync(yaml);
        using (var approved = await bob.PostAsync($"/api/v1/policies/{version}/approve", null))
        {
            await approved.ReadJsonAsync();
        }

        await api.ActivateAsync(version);
        return version;
    }

    public static async Task ActivateAsync(this ApiFactory api, int version)
    {
        using var alice = api.Admin("alice");
        using (var activated = await alice.PostAsync($"/api/v1/policies/{version}/activate", null))
        {
            await activated.ReadJsonAsync();
        }

        await api.WaitForActiveAsync(version);
    }

    public static async Task<TimeSpan> WaitForActiveAsync(this ApiFactory api, int version)
    {
        var active = api.Services.GetRequiredService<ActivePolicy>();
        var watch = Stopwatch.StartNew();
        while (active.Current?.Version != version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"version {version} never became active here (still {active.Current?.Version})");
            await Task.Delay(10);
        }

        return watch.Elapsed;
    }

    public static async Task<JsonElement> PredictAsync(this ApiFactory api, string text, HttpStatusCode expected)
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        using var response = await tenant.PostAsync("/api/v1/models/support-intent/predict",
            new StringContent(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }
}
