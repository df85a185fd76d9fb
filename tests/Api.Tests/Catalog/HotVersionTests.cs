using System.Net;
using Governance.Api.Errors;
using Governance.Api.Tests.Infrastructure;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Catalog.CatalogCalls;
using static Governance.Api.Tests.Models.VersionedModels;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// Two API processes over one database: a version registered through one is loaded by the other in the
/// background, with no call and no restart, and serves there; a version policy set or a version retired
/// through either one moves what both serve and load (ADR-031).
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class HotVersionTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => EnsurePolicyAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task VersionsRegisteredOnOneHost_LoadOnTheOther_AndPolicyAndRetirementMoveBoth()
    {
        await using var second = new CatalogHost(api);
        using var onSecond = second.ClientAs(Roles.Tenant, "acme");
        using var onFirst = api.ClientAs(Roles.Tenant, "acme");
        using var admin = Admin(api);
        using var secondAdmin = second.ClientAs(Roles.Admin);
        var firstHost = api.Services.GetRequiredService<ModelHost>();
        var secondHost = second.Services.GetRequiredService<ModelHost>();

        await RegisterAsync(admin, "hot-model", null, "1");
        // Loaded on the second host by its reconciler, before any call there asks for it.
        await UntilAsync(() => Loaded(secondHost, "hot-model") == "1", "version 1 loaded on the second host");
        using (var ready = await onSecond.GetAsync("/v2/models/hot-model/versions/1/ready"))
        {
            Assert.True((await ready.ReadJsonAsync()).GetProperty("ready").GetBoolean());
        }

        Assert.Equal("1", await ServedByAsync(onSecond, "hot-model"));

        await RegisterAsync(admin, "hot-model", null, "2");
        await UntilAsync(() => Loaded(secondHost, "hot-model") == "1,2", "version 2 loaded on the second host");
        Assert.Equal("2", await ServedByAsync(onSecond, "hot-model"));

        // A policy set through the second host binds the first.
        using (var set = await SetPolicyAsync(secondAdmin, "hot-model", """{"latest": 1}"""))
        {
            await set.ReadJsonAsync();
        }

        using (var outside = await InferAsync(onFirst, "hot-model", "1"))
        {
            await outside.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await UntilAsync(() => Loaded(firstHost, "hot-model") == "2" && Loaded(secondHost, "hot-model") == "2", "version 1 unloaded on both hosts");

        // Retiring the newest brings the older one back in under "latest 1", on both hosts.
        using (var retired = await admin.PostAsync("/api/v1/models/hot-model/versions/2/retire", null))
        {
            await retired.ReadJsonAsync();
        }

        Assert.Equal("1", await ServedByAsync(onSecond, "hot-model"));
        using (var gone = await InferAsync(onSecond, "hot-model", "2"))
        {
            await gone.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await UntilAsync(() => Loaded(firstHost, "hot-model") == "1" && Loaded(secondHost, "hot-model") == "1", "only version 1 loaded on both hosts");
        using var health = await second.CreateClient().GetAsync("/v2/health/ready");
        Assert.Equal(0, (await health.ReadJsonAsync()).GetProperty("modelsPending").GetInt32());
    }
}
