using System.Globalization;
using System.Text;
using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Publishing;

/// <summary>
/// One note file per checkpoint (checkpoint-&lt;size, 20 digits&gt;.note) plus latest.note. Each file is
/// written to a temporary name and renamed, so a reader never sees half a note; latest.note only
/// ever moves forward (a slower process cannot replace it with an older checkpoint).
/// </summary>
public sealed class DirectoryAnchor(string directory) : IExternalAnchor
{
    public const string LatestFileName = "latest.note";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Directory { get; } = directory;

    public static string FileNameOf(long treeSize) => "checkpoint-" + treeSize.ToString("D20", CultureInfo.InvariantCulture) + ".note";

    public async Task PublishAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        System.IO.Directory.CreateDirectory(Directory);
        var note = checkpoint.ToNote();
        await WriteAtomicallyAsync(FileNameOf(checkpoint.Body.TreeSize), note, cancellationToken).ConfigureAwait(false);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var latest = await ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.Body.TreeSize < checkpoint.Body.TreeSize)
            {
                await WriteAtomicallyAsync(LatestFileName, note, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<SignedCheckpoint?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, LatestFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return SignedCheckpoint.ParseNote(await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
    }

    private async Task WriteAtomicallyAsync(string name, string content, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Directory, name);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(content), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temp, target, overwrite: true);
    }
}
