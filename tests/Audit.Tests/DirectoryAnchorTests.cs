using System.Security.Cryptography;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Publishing;

namespace Governance.Audit.Tests;

public sealed class DirectoryAnchorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("governance-anchor-test-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public async Task EveryCheckpointGetsItsOwnFile_AndLatestNeverMovesBackwards()
    {
        var anchor = new DirectoryAnchor(_directory);
        var newer = Sign(20);
        var older = Sign(10);

        await anchor.PublishAsync(newer, CancellationToken.None);
        await anchor.PublishAsync(older, CancellationToken.None);

        Assert.Equal(20, (await anchor.ReadLatestAsync(CancellationToken.None))?.Body.TreeSize);
        Assert.Equal(older.ToNote(), await File.ReadAllTextAsync(Path.Combine(_directory, DirectoryAnchor.FileNameOf(10))));
        Assert.Equal(newer.ToNote(), await File.ReadAllTextAsync(Path.Combine(_directory, DirectoryAnchor.FileNameOf(20))));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task EmptyAnchor_HasNoLatest()
    {
        Assert.Null(await new DirectoryAnchor(Path.Combine(_directory, "missing")).ReadLatestAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private SignedCheckpoint Sign(long size) =>
        new CheckpointSigner(_key).Sign(new Checkpoint("test.local/audit", size, SHA256.HashData(BitConverter.GetBytes(size)), DateTimeOffset.UtcNow));
}
