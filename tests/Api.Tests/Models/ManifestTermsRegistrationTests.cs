using System.Net;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Models;

/// <summary>The manifest's dataCategories and license terms: strictly typed, validated, stored as declared.</summary>
[Collection(ApiCollection.Name)]
public sealed class ManifestTermsRegistrationTests(ApiFactory api)
{
    [Fact]
    public async Task Register_WithDataCategoriesAndLicenseTerms_StoresThemInTheManifest()
    {
        var model = DemoModelFactory.Identity(TensorDataType.Uint8, [-1, 2]);
        var manifest = Manifest(model);
        manifest["dataCategories"] = new JsonArray("personal", "health");
        manifest["license"] = JsonNode.Parse("""{"id":"acme-eula-3","licensor":"Acme Models Ltd","commercial":false,"purposes":["research"],"expires":"2027-06-30"}""");
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, manifest.ToJsonString()));

        await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await api.ScalarAsync(
            $"SELECT count(*) FROM model_versions WHERE name = '{model.Manifest.Name}' AND manifest->'dataCategories' ? 'health' " +
            "AND manifest->'license'->>'licensor' = 'Acme Models Ltd' AND manifest->'license'->>'expires' = '2027-06-30' AND NOT (manifest->'license'->>'commercial')::boolean"));
    }

    [Theory]
    [InlineData("dataCategories", "\"personal\"", "dataCategories")]
    [InlineData("dataCategories", "[1, 2]", "dataCategories")]
    [InlineData("license", "{\"id\":\"x\",\"commercial\":\"yes\"}", "commercial")]
    [InlineData("license", "{\"id\":\"x\",\"commercial\":true,\"purposes\":\"support\"}", "purposes")]
    [InlineData("license", "{\"id\":\"x\",\"commercial\":true,\"expires\":\"next year\"}", "expires")]
    [InlineData("license", "{\"id\":\"x\",\"commercial\":true,\"royalty\":5}", "royalty")]
    [InlineData("owner", "\"someone\"", "owner")]
    public async Task Register_WithAWronglyTypedOrUnknownMember_Returns400NamingItAndStoresNothing(string member, string json, string named)
    {
        var problem = await RegisterRefusedAsync(member, json);

        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dataCategories", "[\"personal\", \"medical\"]", "manifest.dataCategories", "medical")]
    [InlineData("dataCategories", "[\"personal\", \"personal\"]", "manifest.dataCategories", "unique")]
    [InlineData("license", "{\"id\":\"x\"}", "manifest.license", "commercial")]
    [InlineData("license", "{\"commercial\":true}", "manifest.license", "id")]
    [InlineData("license", "{\"id\":\"x\",\"commercial\":true,\"purposes\":[\"Support Desk\"]}", "manifest.license", "purposes")]
    public async Task Register_WithTermsOutsideTheVocabulary_Returns400WithTheFieldError(string member, string json, string field, string mentioned)
    {
        var problem = await RegisterRefusedAsync(member, json);

        var errors = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(mentioned, StringComparison.Ordinal));
    }

    private async Task<System.Text.Json.JsonElement> RegisterRefusedAsync(string member, string json)
    {
        var model = DemoModelFactory.Identity(TensorDataType.Int16, [-1, 2]);
        var manifest = Manifest(model);
        manifest[member] = JsonNode.Parse(json);
        using var admin = api.ClientAs(Roles.Admin);
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, manifest.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
        return problem;
    }

    private static JsonObject Manifest(DemoModel model) => JsonNode.Parse(Seeder.ManifestText(model))!.AsObject();
}
