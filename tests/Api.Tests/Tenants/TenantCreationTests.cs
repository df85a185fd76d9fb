using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Tenants;

[Collection(ApiCollection.Name)]
public sealed class TenantCreationTests(ApiFactory api)
{
    [Fact]
    public async Task Create_WithRegionAndTier_StoresAndReturnsThem()
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "nordic-bank", name = "Nordic Bank", region = "eu", tier = "enterprise" });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("eu", "enterprise"), (body.GetProperty("region").GetString(), body.GetProperty("tier").GetString()));
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'nordic-bank' AND region = 'eu' AND tier = 'enterprise'"));
    }

    [Fact]
    public async Task Create_WithoutAttributes_LeavesThemUndeclared()
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "plain-corp", name = "Plain Corp" });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("region").ValueKind);
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'plain-corp' AND region IS NULL AND tier IS NULL"));
    }

    [Theory]
    [InlineData("mars", "standard", "region")]
    [InlineData("EU", "standard", "region")]
    [InlineData("", "standard", "region")]
    [InlineData("eu", "gold", "tier")]
    [InlineData("eu", "Premium", "tier")]
    public async Task Create_WithAnUnknownRegionOrTier_Returns400NamingTheFieldAndStoresNothing(string region, string tier, string field)
    {
        using var admin = api.ClientAs(Roles.Admin);
        var tenants = await api.ScalarAsync("SELECT count(*) FROM tenants");

        using var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "bad-attrs", name = "Bad", region, tier });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(tenants, await api.ScalarAsync("SELECT count(*) FROM tenants"));
    }

    [Fact]
    public async Task Create_WithARegionOfTheWrongType_Returns400()
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "typed-corp", name = "Typed", region = 42 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'typed-corp'"));
    }

    [Fact]
    public async Task SetAttributes_ChangesWhatReadsReturn_AndIsAudited()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using (var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "moving-corp", name = "Moving Corp", region = "us", tier = "free" }))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created);
        }

        using var set = await admin.PutAsJsonAsync("/api/v1/tenants/moving-corp/attributes", new { region = "uk", tier = "standard" });

        await set.ReadJsonAsync();
        var read = await (await admin.GetAsync("/api/v1/tenants/moving-corp")).ReadJsonAsync();
        Assert.Equal(("uk", "standard"), (read.GetProperty("region").GetString(), read.GetProperty("tier").GetString()));
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'tenant.attributes.set' AND tenant_id = 'moving-corp' AND status_code = 200"));
    }

    [Fact]
    public async Task Read_GoesThroughThePipeline_AndLeavesAnAuditEntry()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using (var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = "read-corp", name = "Read Corp" }))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created);
        }

        var read = await (await admin.GetAsync("/api/v1/tenants/read-corp")).ReadJsonAsync();
        using var missing = await admin.GetAsync("/api/v1/tenants/nobody-reads-here");

        Assert.Equal("Read Corp", read.GetProperty("name").GetString());
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'tenant.read' AND tenant_id = 'read-corp' AND status_code = 200"));
        Assert.Equal(1, await api.ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'tenant.read' AND tenant_id = 'nobody-reads-here' AND status_code = 404"));
    }

    [Fact]
    public async Task SetAttributes_WithAnUnknownTierOrTenant_IsRefusedAndChangesNothing()
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var badTier = await admin.PutAsJsonAsync("/api/v1/tenants/acme/attributes", new { region = "eu", tier = "platinum" });
        using var noTenant = await admin.PutAsJsonAsync("/api/v1/tenants/nobody-here/attributes", new { region = "eu", tier = "free" });

        await badTier.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await noTenant.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE tier = 'platinum' OR id = 'nobody-here'"));
    }

    [Fact]
    public async Task SetAttributes_ByATenant_Returns403()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        using var response = await tenant.PutAsJsonAsync("/api/v1/tenants/acme/attributes", new { region = "eu", tier = "enterprise" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'acme' AND tier = 'enterprise'"));
    }
}
