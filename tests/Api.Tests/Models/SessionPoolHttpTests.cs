using System.Net;
using Governance.Api.Errors;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Models.VersionedModels;

namespace Governance.Api.Tests.Models;

/// <summary>
/// The session pool and graceful unload through HTTP: a saturated version answers 503 with Retry-After,
/// and a version retired while a call is queued on it lets that call finish, refuses new ones with 404,
/// and frees its sessions after the last call. Sessions are held through the pool, never by timing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SessionPoolHttpTests(ApiFactory api)
{
    private ModelHost Host => api.Services.GetRequiredService<ModelHost>();

    [Fact]
    public async Task SaturatedVersion_Answers503ModelBusy_WithRetryAfter_InTheV2Shape()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        await RegisterAsync(admin, "pool-busy", new SessionPoolSpec(1, 0), "1");
        Assert.True(Host.TryGet("pool-busy", "1", out var model));

        using (model.Pool.Acquire(CancellationToken.None))
        {
            using var busy = await InferAsync(tenant, "pool-busy", "1");

            await busy.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ErrorCodes.ModelBusy);
            Assert.NotNull(busy.Headers.RetryAfter);
        }

        Assert.Equal("1", await ServedByAsync(tenant, "pool-busy", "1"));
    }

    [Fact]
    public async Task RetiredWhileACallIsQueued_TheCallFinishes_NewCallsAre404_SessionsFreedAfterTheLast()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var tenant = api.ClientAs(Roles.Tenant, "acme");
        await RegisterAsync(admin, "pool-retire", new SessionPoolSpec(1, 8), "1", "2");
        Assert.True(Host.TryGet("pool-retire", "1", out var model));

        var inFlight = model.Pool.Acquire(CancellationToken.None);
        var queued = InferAsync(tenant, "pool-retire", "1", x: 5);
        await UntilAsync(() => model.Sessions.Waiting == 1, "the call queued for the held session");

        using (var retired = await admin.PostAsync("/api/v1/models/pool-retire/versions/1/retire", null))
        {
            await retired.ReadJsonAsync();
        }

        await UntilAsync(() => !Host.TryGet("pool-retire", "1", out _), "version 1 unloaded");
        Assert.True(model.IsDisposed);
        using (var refused = await InferAsync(tenant, "pool-retire", "1"))
        {
            await refused.AssertProblemAsync(HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        Assert.Equal("2", await ServedByAsync(tenant, "pool-retire"));
        Assert.False(model.IsReleased);

        inFlight.Dispose();
        using var finished = await queued;
        var y = (await finished.ReadJsonAsync()).GetProperty("outputs")[0].GetProperty("data")[0].GetSingle();
        Assert.Equal(6f, y);
        Assert.True(model.IsReleased);
    }
}
