using System.Net;
using System.Net.Http.Json;
using Governance.Api.ModelStore;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Wire;
using Governance.DemoModels;
using Governance.DemoModels.Onnx;
using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Models;

/// <summary>Scalars, zero-size tensors, warm-up that cannot make a valid model unservable, remembered load failures.</summary>
[Collection(ApiCollection.Name)]
public sealed class ModelLoadingTests(ApiFactory api)
{
    [Fact]
    public async Task RangeModelWithScalarInputs_FailsZeroWarmUpButServesRealInputs()
    {
        // Range(start, limit, delta) refuses delta 0, which is all a zero-filled warm-up can send.
        var graph = new OnnxGraph("range", [new OnnxNode("range", "Range", ["start", "limit", "delta"], ["y"])], [],
            [new("start", OnnxElementType.Float, []), new("limit", OnnxElementType.Float, []), new("delta", OnnxElementType.Float, [])],
            [new("y", OnnxElementType.Float, [-1])]);
        var manifest = new ModelManifest("load-range", "1", "math", [], [Scalar("start"), Scalar("limit"), Scalar("delta")],
            [new TensorSpec("y", TensorDataType.Fp32, [-1])], []);
        var model = await WireModels.EnsureAsync(api, manifest, Serialize(graph));
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync($"/v2/models/{model}/infer", new
        {
            inputs = new object[]
            {
                new { name = "start", shape = Array.Empty<int>(), datatype = "FP32", data = 1f },
                new { name = "limit", shape = Array.Empty<int>(), datatype = "FP32", data = new[] { 4f } },
                new { name = "delta", shape = Array.Empty<int>(), datatype = "FP32", data = 1f },
            },
        });

        var output = (await response.ReadJsonAsync()).GetProperty("outputs")[0];
        Assert.Equal([3], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal([1f, 2f, 3f], output.GetProperty("data").EnumerateArray().Select(d => d.GetSingle()));
    }

    [Fact]
    public async Task ZeroSizeTensor_GoesInAndComesBackEmptyWithItsShape()
    {
        var identity = DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 3]);
        var model = await WireModels.EnsureAsync(api, identity.Manifest with { Name = "load-zero-size" }, identity.OnnxBytes);
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var response = await client.PostAsJsonAsync($"/v2/models/{model}/infer", new
        {
            inputs = new[] { new { name = "x", shape = new[] { 0, 3 }, datatype = "FP32", data = Array.Empty<float>() } },
        });

        var output = (await response.ReadJsonAsync()).GetProperty("outputs")[0];
        Assert.Equal([0, 3], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(0, output.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task ManifestWithAZeroDimension_IsRegisteredWhenTheGraphHasIt()
    {
        var identity = DemoModelFactory.Identity(TensorDataType.Int64, [2, 0]);
        var model = await WireModels.EnsureAsync(api, identity.Manifest with { Name = "load-fixed-zero" }, identity.OnnxBytes);
        using var client = api.ClientAs(Roles.Tenant, "acme");

        using var metadata = await client.GetAsync($"/v2/models/{model}");

        var input = (await metadata.ReadJsonAsync()).GetProperty("inputs")[0];
        Assert.Equal([2, 0], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
    }

    [Fact]
    public async Task ModelThatCannotLoadLater_IsRefusedWithBackoffAndReadinessSaysWhy()
    {
        var identity = DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 3]);
        var model = await WireModels.EnsureAsync(api, identity.Manifest with { Name = "load-broken-later" }, identity.OnnxBytes);
        var sha = ModelLoader.ComputeSha256(identity.OnnxBytes);
        // The stored file is damaged and the model unloaded, as after a restart on a bad disk.
        await File.WriteAllBytesAsync(Path.Combine(api.ModelStorePath, "sha256", sha + ".onnx"), [1, 2, 3]);
        Assert.True(api.Services.GetRequiredService<ModelHost>().TryRemove(model, "1"));
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var body = new { inputs = new[] { new { name = "x", shape = new[] { 1, 3 }, datatype = "FP32", data = new[] { 1f, 2f, 3f } } } };

        using var first = await client.PostAsJsonAsync($"/v2/models/{model}/infer", body);
        using var second = await client.PostAsJsonAsync($"/v2/models/{model}/infer", body);
        using var ready = await client.GetAsync($"/v2/models/{model}/ready");

        await first.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model-not-ready");
        await second.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model-not-ready");
        var failure = api.Services.GetRequiredService<ModelLoadFailures>().Find(model, "1");
        Assert.NotNull(failure);
        Assert.Equal(1, failure.Attempts); // the second call was refused inside the backoff window, not retried
        var readiness = await ready.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.False(readiness.GetProperty("ready").GetBoolean());
        Assert.Contains("integrity", readiness.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelThatOnnxRuntimeCannotLoad_IsRefusedAtRegistrationWithTheReason()
    {
        // A graph whose node names an operator no operator set has: it parses but cannot be loaded.
        var graph = new OnnxGraph("nope", [new OnnxNode("n", "NoSuchOperator", ["x"], ["y"])], [],
            [new("x", OnnxElementType.Float, [1])], [new("y", OnnxElementType.Float, [1])]);
        var manifest = new ModelManifest("load-unloadable", "1", "math", [], [new TensorSpec("x", TensorDataType.Fp32, [1])],
            [new TensorSpec("y", TensorDataType.Fp32, [1])], []);
        using var admin = api.ClientAs(Roles.Admin);
        var text = System.Text.Json.JsonSerializer.Serialize(manifest, ManifestJson.Options);

        using var response = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Serialize(graph), text));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-model");
        Assert.Contains("NoSuchOperator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM model_versions WHERE name = 'load-unloadable'"));
    }

    private static TensorSpec Scalar(string name) => new(name, TensorDataType.Fp32, []);

    private static byte[] Serialize(OnnxGraph graph) => OnnxWriter.Serialize(new OnnxModel(8, "load-tests", [new OnnxOpset("", 17)], graph));
}
