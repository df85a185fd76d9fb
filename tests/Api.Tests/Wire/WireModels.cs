using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.DemoModels.Onnx;
using Governance.Domain.Models;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Wire;

/// <summary>Models for the wire tests, registered and licensed to "acme" once, through the admin API.</summary>
internal static class WireModels
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<string> Registered = [];

    public static string IdentityName(TensorDataType type) => "wire-identity-" + type.ToString().ToLowerInvariant();

    /// <summary>x → Identity → y, [-1, 3], of one datatype.</summary>
    public static Task<string> IdentityAsync(ApiFactory api, TensorDataType type)
    {
        var model = DemoModelFactory.Identity(type, [-1, 3]);
        var manifest = model.Manifest with { Name = IdentityName(type) };
        return EnsureAsync(api, manifest, model.OnnxBytes);
    }

    /// <summary>z = a + b over FP32 [-1, 2]: two inputs, so one can be JSON and the other binary.</summary>
    public static Task<string> AddAsync(ApiFactory api)
    {
        var graph = new OnnxGraph("wire-add", [new OnnxNode("add", "Add", ["a", "b"], ["z"])], [],
            [new OnnxValueInfo("a", OnnxElementType.Float, [-1, 2]), new OnnxValueInfo("b", OnnxElementType.Float, [-1, 2])],
            [new OnnxValueInfo("z", OnnxElementType.Float, [-1, 2])]);
        var onnx = OnnxWriter.Serialize(new OnnxModel(8, "wire-tests", [new OnnxOpset("", 17)], graph));
        var manifest = new ModelManifest("wire-add", "1", "math", [], [new TensorSpec("a", TensorDataType.Fp32, [-1, 2]),
            new TensorSpec("b", TensorDataType.Fp32, [-1, 2])], [new TensorSpec("z", TensorDataType.Fp32, [-1, 2])], []);
        return EnsureAsync(api, manifest, onnx);
    }

    public static async Task<string> EnsureAsync(ApiFactory api, ModelManifest manifest, byte[] onnx, string? tenant = "acme")
    {
        await Gate.WaitAsync();
        try
        {
            if (Registered.Add(manifest.Name))
            {
                using var admin = api.ClientAs(Roles.Admin);
                var text = JsonSerializer.Serialize(manifest, Governance.Api.ModelStore.ManifestJson.Options);
                using var created = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(onnx, text));
                Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                if (tenant is not null)
                {
                    using var license = await admin.PostAsJsonAsync($"/api/v1/tenants/{tenant}/licenses", new { model = manifest.Name });
                    Assert.Equal(HttpStatusCode.Created, license.StatusCode);
                }
            }

            return manifest.Name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A request in the binary extension: the JSON header, then <paramref name="binary"/>.</summary>
    public static HttpRequestMessage BinaryRequest(string path, object header, byte[] binary)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        var content = new ByteArrayContent([.. json, .. binary]);
        content.Headers.ContentType = new("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Inference-Header-Content-Length", json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>Splits a binary-extension response into its JSON header and the bytes after it.</summary>
    public static async Task<(JsonElement Header, byte[] Binary)> ReadBinaryAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var length = int.Parse(response.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        return (JsonDocument.Parse(body.AsMemory(0, length)).RootElement.Clone(), body[length..]);
    }

    /// <summary>BYTES elements as the extension lays them out: 4-byte little-endian length, then UTF-8.</summary>
    public static byte[] EncodeStrings(params string[] values)
    {
        var buffer = new List<byte>();
        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            buffer.AddRange(length);
            buffer.AddRange(bytes);
        }

        return [.. buffer];
    }
}
