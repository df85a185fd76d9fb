using System.CommandLine;
using System.Net.Http.Headers;

namespace Governance.Cli.Commands;

/// <summary>`governance model register`: uploads an .onnx file with its manifest.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "The .onnx file", Required = true };
        var manifest = new Option<FileInfo>("--manifest") { Description = "The manifest (JSON)", Required = true };
        var url = CliSettings.UrlOption();
        var register = new Command("register", "Register a model version (admin)") { file, manifest, url };
        register.SetAction(async (parse, ct) =>
        {
            using var api = new ApiClient(parse.GetValue(url)!);
            var outcome = await RegisterAsync(api, parse.GetValue(file)!.FullName, parse.GetValue(manifest)!.FullName, ct);
            Console.WriteLine($"model {outcome}");
            return 0;
        });
        return new Command("model", "Model versions") { register };
    }

    public static async Task<string> RegisterAsync(ApiClient api, string onnxPath, string manifestPath, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var onnx = new ByteArrayContent(await File.ReadAllBytesAsync(onnxPath, ct));
        onnx.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(onnx, "file", Path.GetFileName(onnxPath));
        form.Add(new StringContent(await File.ReadAllTextAsync(manifestPath, ct)), "manifest");
        return await api.PostAsync("/api/v1/models", form, ct);
    }
}
