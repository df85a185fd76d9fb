using Governance.Api.Configuration;
using Governance.Inference.Runtime;
using Microsoft.Extensions.Options;

namespace Governance.Api.ModelStore;

/// <summary>
/// Model files, content-addressed by SHA-256 under the configured store path. A file is written to a
/// temporary name and renamed, so a reader never sees half a model; equal content is stored once.
/// The digest is checked again on every load (<see cref="ModelCatalog"/>), so a file changed on disk
/// is refused, never run.
/// </summary>
public sealed class ModelFileStore(IOptions<GovernanceOptions> options)
{
    private string Root => options.Value.Models.StorePath;

    public string PathOf(string sha256) => Path.Combine(Root, "sha256", sha256 + ".onnx");

    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path) && ModelLoader.ComputeSha256(await File.ReadAllBytesAsync(path, ct)) == sha256)
        {
            return path; // equal content is stored once; a damaged copy is replaced below
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, ct);
            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
