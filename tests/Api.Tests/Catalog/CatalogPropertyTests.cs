using System.Net;
using FsCheck.Fluent;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Catalog.CatalogCalls;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// Random sequences of catalog changes (through either host) and calls (on either host): every call's
/// outcome must be the one the database's own state gives at that moment, read with plain SQL.
/// Nothing a cache holds may let a call through that the database would refuse, nor the reverse.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogPropertyTests(ApiFactory api) : IAsyncLifetime
{
    private static readonly string?[] Regions = [null, "eu", "us"];
    private static readonly string?[] Tiers = [null, "premium", "free"];

    public Task InitializeAsync() => EnsurePolicyAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    private abstract record Step(bool OnSecond);

    private sealed record Call(bool OnSecond) : Step(OnSecond);

    private sealed record ToggleLicense(bool OnSecond) : Step(OnSecond);

    private sealed record Attributes(bool OnSecond, string? Region, string? Tier) : Step(OnSecond);

    [Fact]
    public async Task CachedDecisions_MatchDecisionsMadeFromTheDatabase()
    {
        await using var second = new CatalogHost(api);
        using var admins = new TwoHosts(Admin(api), second.ClientAs(Roles.Admin));
        using var tenants = new TwoHosts(api.ClientAs(Roles.Tenant, "acme"), second.ClientAs(Roles.Tenant, "acme"));
        var step = Gen.OneOf(
            Gen.Elements(false, true).Select(s => (Step)new Call(s)),
            Gen.Elements(false, true).Select(s => (Step)new ToggleLicense(s)),
            Gen.Elements(false, true).SelectMany(s => Gen.Elements(Regions).SelectMany(r => Gen.Elements(Tiers).Select(t => (Step)new Attributes(s, r, t)))));
        var sequences = Gen.Sample(Gen.ListOf(Gen.Frequency((3, step), (2, Gen.Elements(false, true).Select(s => (Step)new Call(s))))), 12, 20);
        var calls = 0;
        try
        {
            foreach (var sequence in sequences)
            {
                foreach (var s in sequence)
                {
                    var admin = admins.On(s.OnSecond);
                    switch (s)
                    {
                        case ToggleLicense:
                            if (await LicensedAsync())
                            {
                                await RevokeAsync(admin, "acme", "support-intent");
                            }
                            else
                            {
                                await GrantAsync(admin, "acme", "support-intent");
                            }

                            break;
                        case Attributes a:
                            await SetAttributesAsync(admin, "acme", a.Region, a.Tier);
                            break;
                        default:
                            var expected = await ExpectedFromDatabaseAsync();
                            var actual = await PredictAsync(tenants.On(s.OnSecond));
                            Assert.True(expected == actual, $"after [{string.Join(", ", sequence)}] the {(s.OnSecond ? "second" : "first")} host decided {actual}, the database says {expected}");
                            calls++;
                            break;
                    }
                }
            }
        }
        finally
        {
            await SetAttributesAsync(admins.On(false), "acme", null, null);
            if (!await LicensedAsync())
            {
                await GrantAsync(admins.On(false), "acme", "support-intent");
            }
        }

        Assert.True(calls > 20, $"only {calls} calls were compared");
    }

    private async Task<bool> LicensedAsync() =>
        await api.ScalarAsync("SELECT count(*) FROM license_grants WHERE tenant_id = 'acme' AND model_name = 'support-intent' AND revoked_at IS NULL") == 1;

    /// <summary>The rules of <see cref="CatalogCalls.Yaml"/>, in order, over the rows as they are now.</summary>
    private async Task<(HttpStatusCode, string?)> ExpectedFromDatabaseAsync()
    {
        var us = await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'acme' AND region = 'us'") == 1;
        var free = await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'acme' AND tier = 'free'") == 1;
        return !await LicensedAsync() ? (HttpStatusCode.Forbidden, "license.required")
            : us ? (HttpStatusCode.Forbidden, "region.us.closed")
            : free ? (HttpStatusCode.Forbidden, "tier.free.closed")
            : (HttpStatusCode.OK, null);
    }

    private sealed class TwoHosts(HttpClient first, HttpClient second) : IDisposable
    {
        public HttpClient On(bool onSecond) => onSecond ? second : first;

        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
