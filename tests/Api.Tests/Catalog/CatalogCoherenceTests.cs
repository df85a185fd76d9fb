using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using static Governance.Api.Tests.Catalog.CatalogCalls;

namespace Governance.Api.Tests.Catalog;

/// <summary>
/// Two API processes over one database, each deciding from its own in-process catalog: a change made
/// through either one is in force for the very next call on both, with no waiting in between.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogCoherenceTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => EnsurePolicyAsync(api);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RevokedLicense_IsRefusedByTheNextCallOnBothHosts_AndAGrantAgainAllowsIt()
    {
        await using var second = new CatalogHost(api);
        using var onFirst = api.ClientAs(Roles.Tenant, "acme");
        using var onSecond = second.ClientAs(Roles.Tenant, "acme");
        using var admin = Admin(api);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);

        await RevokeAsync(admin, "acme", "support-intent");
        Assert.Equal((HttpStatusCode.Forbidden, "license.required"), await PredictAsync(onSecond));
        Assert.Equal((HttpStatusCode.Forbidden, "license.required"), await PredictAsync(onFirst));

        using var secondAdmin = second.ClientAs(Roles.Admin);
        await GrantAsync(secondAdmin, "acme", "support-intent");
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onFirst)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);
    }

    [Fact]
    public async Task ChangedTenantAttributes_DecideTheNextCallOnBothHosts()
    {
        await using var second = new CatalogHost(api);
        using var onFirst = api.ClientAs(Roles.Tenant, "acme");
        using var onSecond = second.ClientAs(Roles.Tenant, "acme");
        using var admin = Admin(api);
        try
        {
            await SetAttributesAsync(admin, "acme", "us", "premium");
            Assert.Equal((HttpStatusCode.Forbidden, "region.us.closed"), await PredictAsync(onSecond));
            Assert.Equal((HttpStatusCode.Forbidden, "region.us.closed"), await PredictAsync(onFirst));

            await SetAttributesAsync(admin, "acme", "eu", "free");
            Assert.Equal((HttpStatusCode.Forbidden, "tier.free.closed"), await PredictAsync(onSecond));
            Assert.Equal((HttpStatusCode.Forbidden, "tier.free.closed"), await PredictAsync(onFirst));
        }
        finally
        {
            await SetAttributesAsync(admin, "acme", null, null);
        }

        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);
    }

    [Fact]
    public async Task AddedAndRetiredModelVersion_AreSeenByTheNextCallOnBothHosts()
    {
        await using var second = new CatalogHost(api);
        using var onFirst = api.ClientAs(Roles.Tenant, "acme");
        using var onSecond = second.ClientAs(Roles.Tenant, "acme");
        using var admin = Admin(api);
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(onSecond, "9.9.9")).Status);

        var manifest = Seeder.ManifestText(Seeder.SupportIntent).Replace($"\"version\":\"{Seeder.SupportIntent.Manifest.Version}\"", "\"version\":\"9.9.9\"", StringComparison.Ordinal);
        Assert.Contains("9.9.9", manifest, StringComparison.Ordinal);
        await ExpectAsync(admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.SupportIntent.OnnxBytes, manifest)), HttpStatusCode.Created);
        Assert.NotEqual(HttpStatusCode.NotFound, (await PredictAsync(onSecond, "9.9.9")).Status);
        Assert.NotEqual(HttpStatusCode.NotFound, (await PredictAsync(onFirst, "9.9.9")).Status);

        await ExpectAsync(admin.PostAsync("/api/v1/models/support-intent/versions/9.9.9/retire", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(onSecond, "9.9.9")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(onFirst, "9.9.9")).Status);
        // Calls that name no version go to the newest version still in service.
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);
    }

    [Fact]
    public async Task ActivatedPolicy_DecidesTheNextCallOnAHostThatHardlyPolls()
    {
        await using var second = new CatalogHost(api);
        using var onSecond = second.ClientAs(Roles.Tenant, "acme");
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);
        var previous = int.Parse(api.Services.GetService(typeof(Governance.Api.PolicyEngine.ActivePolicy)) is Governance.Api.PolicyEngine.ActivePolicy a ? a.Current!.Version : "0",
            System.Globalization.CultureInfo.InvariantCulture);
        var closed = Yaml + """

              - id: predict.closed
                when: { request.endpoint: { equals: model.predict } }
                deny: { message: The text endpoint is closed. }
            """;
        await Policies.PolicyApi.ActivateNewAsync(api, closed);
        try
        {
            Assert.Equal((HttpStatusCode.Forbidden, "predict.closed"), await PredictAsync(onSecond));
        }
        finally
        {
            await Policies.PolicyApi.ActivateAsync(api, previous);
        }

        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(onSecond)).Status);
    }
}
