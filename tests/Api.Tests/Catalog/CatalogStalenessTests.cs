using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Catalog.CatalogCalls;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// A host whose notification channel is lost (never listens) still decides on fresh data: commands
/// wait out its staleness bound, and a change nobody announced binds once the bound has passed.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogStalenessTests(ApiFactory api) : IAsyncLifetime
{
    private const int Bound = 400;

    public Task InitializeAsync() => EnsurePolicyAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HostWithoutNotifications_SeesACommandsChangeOnItsNextCall()
    {
        await using var deaf = new CatalogHost(api, listen: false, maxStalenessMilliseconds: Bound);
        using var onDeaf = deaf.ClientAs(Roles.Tenant, "acme");
        using var admin = Admin(api);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onDeaf)).Status);
        try
        {
            await RevokeAsync(admin, "acme", "support-intent");
            Assert.Equal((HttpStatusCode.Forbidden, "license.required"), await PredictAsync(onDeaf));
        }
        finally
        {
            await GrantAsync(admin, "acme", "support-intent");
        }

        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onDeaf)).Status);
    }

    [Fact]
    public async Task ChangeMadeBehindTheApisBack_BindsEveryHostOnceTheStalenessBoundHasPassed()
    {
        await using var deaf = new CatalogHost(api, listen: false, maxStalenessMilliseconds: Bound);
        using var onDeaf = deaf.ClientAs(Roles.Tenant, "acme");
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onDeaf)).Status);
        try
        {
            // No command, so no fence: only notifications (first host) and the bound (deaf host) are left.
            await api.ScalarAsync("WITH r AS (UPDATE license_grants SET revoked_at = now() WHERE tenant_id = 'acme' AND model_name = 'support-intent' RETURNING 1) SELECT count(*) FROM r");
            await Task.Delay(Bound + 100);
            Assert.Equal((HttpStatusCode.Forbidden, "license.required"), await PredictAsync(onDeaf));
        }
        finally
        {
            using var admin = Admin(api);
            await GrantAsync(admin, "acme", "support-intent");
        }
    }
}
