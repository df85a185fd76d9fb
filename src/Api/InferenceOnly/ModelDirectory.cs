using System.Text.Json;
using Governance.Api.ModelStore;
using Governance.Domain.Models;
using Governance.Inference.Runtime;

namespace Governance.Api.InferenceOnly;

/// <summary>
/// Loads every &lt;name&gt;/&lt;version&gt;/ (manifest.json + model.onnx) under the directory, with the same loader and
/// manifest check as a governed registration. There is no registered digest to compare with here: the digest
/// is computed and reported (metadata, logs); which bytes are trusted is decided by who may write the directory.
/// A model that cannot load stops the start, so a node never comes up serving less than it was given.
/// </summary>
internal static partial class ModelDirectory
{
    public const string ManifestFile = "manifest.json";
    public const string ModelFile = "model.onnx";

    public static async Task LoadAsync(string root, ModelLoader loader, ModelHost host, ILogger logger, CancellationToken ct)
    {
        var manifests = Directory.GetFiles(root, ManifestFile, SearchOption.AllDirectories);
        Array.Sort(manifests, StringComparer.Ordinal);
        foreach (var manifestPath in manifests)
        {
            var dir = Path.GetDirectoryName(manifestPath)!;
            var modelPath = Path.Combine(dir, ModelFile);
            var manifest = JsonSerializer.Deserialize<ModelManifest>(await File.ReadAllTextAsync(manifestPath, ct), ManifestJson.Options)
                ?? throw new InvalidOperationException($"{manifestPath} is empty.");
            if (manifest.IsRemote)
            {
                throw new InvalidOperationException($"{manifestPath}: an inference-only node computes locally; a remote backend is not allowed here.");
            }

            var bytes = await File.ReadAllBytesAsync(modelPath, ct);
            var model = loader.Load(bytes, ModelLoader.ComputeSha256(bytes), manifest with { Tags = manifest.Tags ?? [], Labels = manifest.Labels ?? [] }, ct);
            host.AddOrReplace(model);
            LogServing(logger, model.Name, model.Version, model.Sha256, model.ExecutionProvider);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inference-only: serving {Model}/{Version} (sha256 {Sha256}) on {Provider}")]
    private static partial void LogServing(ILogger logger, string model, string version, string sha256, string provider);
}
