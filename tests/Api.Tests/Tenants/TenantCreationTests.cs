using System.Net;
using System.Net.Http.Json;
using Governance.Api.Security;
using Governance.Api.Tests.Infrastructure;

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
}
