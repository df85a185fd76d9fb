using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hardening;

/// <summary>A model with ONNX external data could read the server's files (issue 11): refused at registration.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExternalDataRegistrationTests(ApiFactory api)
{
    [Theory]
    [InlineData(".dev/signing-key.pem", "ext-relative")]
    [InlineData("../../etc/passwd", "ext-parent")]
    [InlineData("/etc/passwd", "ext-absolute")]
    public async Task Register_AModelWithExternalData_Returns400AndStoresNothing(string location, string name)
    {
        using var admin = api.ClientAs(Roles.Admin);
        var model = DemoModelFactory.AddConstant(name, location);
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "model-external-data");
        Assert.Contains("'w'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
        Assert.False(File.Exists(Path.Combine(api.ModelStorePath, "sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model.OnnxBytes)) + ".onnx")));
    }

    [Fact]
    public async Task Register_TheSameGraphWithInlineData_Returns201()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var model = DemoModelFactory.AddConstant("inline-constant", externalLocation: null);

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
