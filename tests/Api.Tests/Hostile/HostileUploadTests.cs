using System.Net.Http.Headers;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.DemoModels;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hostile;

/// <summary>Model registrations an attacker with an admin token might send: hostile ONNX files and multipart bodies.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileUploadTests(ApiFactory api)
{
    private const string Models = "/api/v1/models";

    [Fact]
    public Task HostileOnnxFiles_Are4xx_AndStoreNothing()
    {
        var valid = Seeder.CreditRisk.OnnxBytes;
        var manifest = Seeder.ManifestText(Seeder.CreditRisk).Replace("\"credit-risk\"", "\"hostile-model\"", StringComparison.Ordinal);
        var external = DemoModelFactory.AddConstant("hostile-external", "../../.dev/jwt-signing-key.pem");
        return new HostileHarness(api).AssertAllRefusedAsync(new (string Name, byte[] Onnx, string Manifest)[]
        {
            ("external data outside the store", external.OnnxBytes, Seeder.ManifestText(external)),
            ("random bytes", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], manifest),
            ("truncated model", valid[..(valid.Length / 2)], manifest),
            ("empty file", [], manifest),
            ("protobuf claiming a 2 GiB field", [0x3a, 0xff, 0xff, 0xff, 0xff, 0x07, 0x01], manifest),
            ("valid model, deep manifest", valid, new string('[', 5_000) + new string(']', 5_000)),
            ("valid model, manifest not JSON", valid, "name: yaml-manifest"),
        }.Select(c => Upload(c.Name, () => Form(c.Onnx, c.Manifest))));
    }

    [Fact]
    public Task HostileMultipartBodies_Are4xx_AndStoreNothing() =>
        new HostileHarness(api).AssertAllRefusedAsync(
        [
            Upload("8 MiB manifest part", () => Form(Seeder.CreditRisk.OnnxBytes, "{\"name\":\"" + new string('m', 8 << 20) + "\"}")),
            Upload("2,000 parts", () =>
            {
                var form = Form(Seeder.CreditRisk.OnnxBytes, Seeder.ManifestText(Seeder.CreditRisk));
                for (var i = 0; i < 2_000; i++)
                {
                    form.Add(new StringContent("x"), "extra" + i);
                }

                return form;
            }),
            Upload("no file part", () => new MultipartFormDataContent { { new StringContent(Seeder.ManifestText(Seeder.CreditRisk)), "manifest" } }),
            Upload("two file parts", () =>
            {
                var form = Form(Seeder.CreditRisk.OnnxBytes, Seeder.ManifestText(Seeder.CreditRisk));
                form.Add(new ByteArrayContent(Seeder.SupportIntent.OnnxBytes), "file", "second.onnx");
                return form;
            }),
            Upload("unterminated multipart", () => HostileCase.Bytes(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.onnx\"\r\n\r\nabc"), "multipart/form-data; boundary=b")),
            Upload("boundary missing", () => HostileCase.Bytes(Encoding.ASCII.GetBytes("--b\r\n\r\n"), "multipart/form-data")),
            Upload("JSON instead of multipart", () => HostileCase.Text(Seeder.ManifestText(Seeder.CreditRisk), "application/json")),
        ]);

    private static HostileCase Upload(string name, Func<HttpContent> body) => new(name, Roles.Admin, null, "POST", Models, body);

    private static MultipartFormDataContent Form(byte[] onnx, string manifest)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(onnx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "model.onnx");
        form.Add(new StringContent(manifest), "manifest");
        return form;
    }
}
