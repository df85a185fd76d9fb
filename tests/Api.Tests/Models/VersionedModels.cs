using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.ModelStore;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels.Onnx;
using Governance.Domain.Models;
using Governance.Inference.Runtime;

namespace Governance.Api.Tests.Models;

/// <summary>
/// Versions that tell themselves apart: version "N" of a model computes y = x + N, so an answer says
/// which version served it. Registered and licensed through the admin API, as an operator would.
/// </summary>
internal static class VersionedModels
{
    public static ModelManifest Manifest(string name, string version, SessionPoolSpec? sessions = null) =>
        new(name, version, "offset", ["test"], [new TensorSpec("x", TensorDataType.Fp32, [-1])], [new TensorSpec("y", TensorDataType.Fp32, [-1])], [],
            Sessions: sessions);

    public static byte[] Onnx(string version)
    {
        var offset = float.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
        var graph = new OnnxGraph("offset", [new OnnxNode("add", "Add", ["x", "offset"], ["y"])],
            [OnnxTensor.FromFloats("offset", [1], [offset])],
            [new OnnxValueInfo("x", OnnxElementType.Float, [-1])], [new OnnxValueInfo("y", OnnxElementType.Float, [-1])]);
        return OnnxWriter.Serialize(new OnnxModel(8, "version-tests", [new OnnxOpset("", 17)], graph));
    }

    /// <summary>Registers the versions in order (the last is the newest) and licenses acme on the first.</summary>
    public static async Task RegisterAsync(HttpClient admin, string name, SessionPoolSpec? sessions, params string[] versions)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            var manifest = JsonSerializer.Serialize(Manifest(name, versions[i], sessions), ManifestJson.Options);
            using var created = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(Onnx(versions[i]), manifest));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        using var license = await admin.PostAsJsonAsync("/api/v1/tenants/acme/licenses", new { model = name });
        Assert.True(license.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await license.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> InferAsync(HttpClient tenant, string name, string? version, float x = 10) =>
        tenant.PostAsJsonAsync(version is null ? $"/v2/models/{name}/infer" : $"/v2/models/{name}/versions/{version}/infer",
            new { inputs = new[] { new { name = "x", shape = new[] { 1 }, datatype = "FP32", data = new[] { x } } } });

    /// <summary>The version that answered (y - x), from a 200 answer.</summary>
    public static async Task<string> ServedByAsync(HttpClient tenant, string name, string? version = null)
    {
        using var response = await InferAsync(tenant, name, version);
        var body = await response.ReadJsonAsync();
        var y = body.GetProperty("outputs")[0].GetProperty("data")[0].GetSingle();
        Assert.Equal(body.GetProperty("model_version").GetString(), (y - 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return body.GetProperty("model_version").GetString()!;
    }

    public static async Task<HttpResponseMessage> SetPolicyAsync(HttpClient admin, string name, string json) =>
        await admin.PutAsync($"/api/v1/models/{name}/version-policy", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Waits for the background reconciler to reach a state; the bound only keeps a broken one from hanging the run.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "never reached: " + what);
            await Task.Delay(20);
        }
    }

    public static string Loaded(ModelHost host, string name) => string.Join(",", host.GetVersions(name).Order(StringComparer.Ordinal));
}
