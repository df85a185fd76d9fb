using System.Net;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Models;

[Collection(ApiCollection.Name)]
public sealed class ModelRegistrationTests(ApiFactory api)
{
    [Fact]
    public async Task Register_StoresTheFileByDigest_AndTheModelServesMetadataWithItsExecutionProvider()
    {
        var model = DemoModelFactory.Identity(Governance.Domain.Models.TensorDataType.Int64, [-1, 3]);
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var sha = body.GetProperty("model").GetProperty("sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model.OnnxBytes)), sha);
        Assert.True(File.Exists(Path.Combine(api.ModelStorePath, "sha256", sha + ".onnx")));
        var metadata = await (await admin.GetAsync($"/v2/models/{model.Manifest.Name}")).ReadJsonAsync();
        Assert.Equal("onnxruntime_onnx", metadata.GetProperty("platform").GetString());
        Assert.Equal("CPUExecutionProvider", metadata.GetProperty("execution_provider").GetString());
        Assert.Equal("INT64", metadata.GetProperty("inputs")[0].GetProperty("datatype").GetString());
        using var ready = await admin.GetAsync($"/v2/models/{model.Manifest.Name}/versions/1/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Register_TheSameVersionTwice_Returns409AndKeepsTheFirst()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var model = Seeder.CreditRisk;
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Register_WithAManifestThatMisdescribesTheGraph_Returns400AndStoresNothing()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var manifest = JsonNode.Parse(Seeder.ManifestText(Seeder.CreditRisk))!;
        manifest["version"] = "lying";
        manifest["inputs"]![0]!["datatype"] = "INT32";
        var catalog = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.CreditRisk.OnnxBytes, manifest.ToJsonString()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-model");
        Assert.Contains("applicant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(catalog, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Register_WithAFileThatIsNotOnnx_Returns400()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var manifest = JsonNode.Parse(Seeder.ManifestText(Seeder.CreditRisk))!;
        manifest["version"] = "garbage";

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm([1, 2, 3, 4, 5], manifest.ToJsonString()));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-model");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\":\"Bad Name!\",\"version\":\"1\",\"task\":\"x\",\"tags\":[],\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[0]}],\"outputs\":[],\"labels\":[]}")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1\",\"task\":\"x\",\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP33\",\"shape\":[1]}],\"outputs\":[]}")]
    public async Task Register_WithAnInvalidManifest_Returns400(string manifest)
    {
        using var admin = api.ClientAs(Roles.Admin);

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.CreditRisk.OnnxBytes, manifest));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Register_ByATenant_Returns403()
    {
        using var tenant = api.ClientAs(Roles.Tenant, "acme");

        using var response = await tenant.PostAsync("/api/v1/models", Seeder.RegistrationForm(Seeder.CreditRisk.OnnxBytes, Seeder.ManifestText(Seeder.CreditRisk)));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Load_OfAStoredFileChangedOnDisk_IsRefusedByTheDigestCheck()
    {
        var model = DemoModelFactory.Identity(Governance.Domain.Models.TensorDataType.Fp64, [-1, 2]);
        using var admin = api.ClientAs(Roles.Admin);
        using var register = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(model.OnnxBytes, Seeder.ManifestText(model)));
        var sha = (await register.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("model").GetProperty("sha256").GetString()!;
        var path = Path.Combine(api.ModelStorePath, "sha256", sha + ".onnx");
        var tampered = (byte[])model.OnnxBytes.Clone();
        tampered[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, tampered);
        Assert.True(api.Services.GetRequiredService<ModelHost>().TryRemove(model.Manifest.Name, "1")); // as after a restart

        using var metadata = await admin.GetAsync($"/v2/models/{model.Manifest.Name}");
        using var ready = await admin.GetAsync($"/v2/models/{model.Manifest.Name}/ready");

        await metadata.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model-not-ready");
        Assert.Equal(HttpStatusCode.BadRequest, ready.StatusCode);
    }
}
