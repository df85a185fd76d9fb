using System.Net;
using Governance.Api.Errors;
using Governance.Api.Tests.Infrastructure;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Models.VersionedModels;

namespace Governance.Api.Tests.Models;

/// <summary>
/// Version policies (ADR-031) through the admin API and /v2: which versions answer, what a call naming no
/// version gets, what a version outside the policy gets, and that loaded versions follow policy changes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VersionPolicyTests(ApiFactory api)
{
    private ModelHost Host => api.Services.GetRequiredService<ModelHost>();

    [Fact]
    public async Task LatestOne_ServesOnlyTheNewest_AnOlderVersionIsNotFoundInTheV2Shape()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        await RegisterAsync(admin, "vp-latest", null, "1", "2", "3");

        using var set = await SetPolicyAsync(admin, "vp-latest", """{"latest": 1}""");
        var body = await set.ReadJsonAsync();

        Assert.Equal(["3"], body.GetProperty("served").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("3", await ServedByAsync(tenant, "vp-latest", "3"));
        Assert.Equal("3", await ServedByAsync(tenant, "vp-latest"));
        using var older = await InferAsync(tenant, "vp-latest", "1");
        var problem = await older.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Contains("latest 1", problem.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var metadata = await tenant.GetAsync("/v2/models/vp-latest");
        Assert.Equal(["3"], (await metadata.ReadJsonAsync()).GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        await UntilAsync(() => Loaded(Host, "vp-latest") == "3", "only version 3 loaded");
    }

    [Fact]
    public async Task Specific_ServesTheNamedVersions_AndACallWithoutVersionGetsTheNewestOfThem()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        await RegisterAsync(admin, "vp-specific", null, "1", "2", "3");

        using var set = await SetPolicyAsync(admin, "vp-specific", """{"specific": ["1", "2"]}""");
        await set.ReadJsonAsync();

        Assert.Equal("2", await ServedByAsync(tenant, "vp-specific"));
        Assert.Equal("1", await ServedByAsync(tenant, "vp-specific", "1"));
        using var outside = await InferAsync(tenant, "vp-specific", "3");
        await outside.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        using var ready = await tenant.GetAsync("/v2/models/vp-specific/versions/3/ready");
        await ready.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await UntilAsync(() => Loaded(Host, "vp-specific") == "1,2", "versions 1 and 2 loaded, 3 unloaded");
    }

    [Fact]
    public async Task PolicyChangedWhileServing_MovesCallsAndLoadedVersions_WithoutRestart()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        await RegisterAsync(admin, "vp-change", null, "1", "2");
        Assert.Equal("2", await ServedByAsync(tenant, "vp-change"));
        Assert.Equal("1", await ServedByAsync(tenant, "vp-change", "1"));

        (await SetPolicyAsync(admin, "vp-change", """{"latest": 1}""")).Dispose();
        using (var gone = await InferAsync(tenant, "vp-change", "1"))
        {
            await gone.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await UntilAsync(() => Loaded(Host, "vp-change") == "2", "version 1 unloaded");

        (await SetPolicyAsync(admin, "vp-change", """{"specific": ["1"]}""")).Dispose();
        Assert.Equal("1", await ServedByAsync(tenant, "vp-change"));
        await UntilAsync(() => Loaded(Host, "vp-change") == "1", "version 1 loaded again, version 2 unloaded");

        (await SetPolicyAsync(admin, "vp-change", """{"all": true}""")).Dispose();
        Assert.Equal("2", await ServedByAsync(tenant, "vp-change"));
        Assert.Equal("1", await ServedByAsync(tenant, "vp-change", "1"));
        await UntilAsync(() => Loaded(Host, "vp-change") == "1,2", "both versions loaded");
        using var ready = await tenant.GetAsync("/v2/models/vp-change/ready");
        var readiness = await ready.ReadJsonAsync();
        Assert.Equal(["1", "2"], readiness.GetProperty("loadedVersions").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(1, readiness.GetProperty("sessions").GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"latest": 0}""")]
    [InlineData("""{"latest": 101}""")]
    [InlineData("""{"latest": 1, "all": true}""")]
    [InlineData("""{"specific": []}""")]
    [InlineData("""{"specific": ["1", "1"]}""")]
    [InlineData("""{"specific": ["9"]}""")]
    [InlineData("""{"all": false}""")]
    [InlineData("""{"newest": 1}""")]
    [InlineData("""{"latest": "one"}""")]
    [InlineData("""[1]""")]
    public async Task BadPolicy_Is400_AndChangesNothing(string json)
    {
        using var admin = api.ClientAs(Roles.Admin);
        await RegisterOnceAsync(admin, "vp-bad");

        using var response = await SetPolicyAsync(admin, "vp-bad", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM model_version_policies WHERE model_name = 'vp-bad'"));
    }

    [Fact]
    public async Task PolicyForAnUnknownModel_Is404()
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await SetPolicyAsync(admin, "vp-no-such-model", """{"latest": 1}""");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task PolicyChange_ByATenant_IsForbidden()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        using var response = await SetPolicyAsync(tenant, "support-intent", """{"latest": 1}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _badRegistered;

    private static async Task RegisterOnceAsync(HttpClient admin, string name)
    {
        await Once.WaitAsync();
        try
        {
            if (!_badRegistered)
            {
                await RegisterAsync(admin, name, null, "1");
                _badRegistered = true;
            }
        }
        finally
        {
            Once.Release();
        }
    }
}
