using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Testing.Export;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests;

/// <summary>`governance audit verify`: the real CLI process on exports the tests write; no database anywhere.</summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ExportFixture _log = new(200);

    public void Dispose()
    {
        _log.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task GoodExport_Exits0_AndSaysWhatItVerified()
    {
        var result = await VerifyAsync(Write(_log.Export(1, 200, [100, 200])));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("OK: Verified entries 1..200", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--pubkey", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodExport_WithPinnedKeyAndAnchor_Exits0()
    {
        var anchor = WriteText("anchor.checkpoint", _log.CheckpointAt(150).ToNote());
        var key = WriteText("audit.pub.pem", _log.Signer.PublicKeyPem);

        var result = await VerifyAsync(Write(_log.Export(1, 200, [200])), "--checkpoint", anchor, "--pubkey", key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Note:", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedKeyGivenAsPemText_Exits0()
    {
        var result = await VerifyAsync(Write(_log.Export(1, 200, [200])), "--pubkey", _log.Signer.PublicKeyPem);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task ChangedField_Exits1_NamingTheEntryAndTheField()
    {
        var lines = _log.Lines(1, 200, [100, 200]);
        ExportTampering.EditEntry(lines, 123, o => o["entry"]!["tenant_id"] = "tenant-x");

        var result = await VerifyAsync(Write(ExportFixture.Join(lines)));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED at entry 123", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("tenant_id", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedEntry_Exits1_AtThatEntry()
    {
        var lines = _log.Lines(1, 200, [100, 200]);
        lines.RemoveAt(ExportTampering.IndexOfEntry(lines, 64));

        var result = await VerifyAsync(Write(ExportFixture.Join(lines)));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED at entry 64", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPinnedKey_Exits1()
    {
        using var other = new ExportFixture(1);
        var key = WriteText("other.pub.pem", other.Signer.PublicKeyPem);

        var result = await VerifyAsync(Write(_log.Export(1, 200, [200])), "--pubkey", key);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("pinned key", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchorNewerThanTheExport_WithoutProof_Exits1_SayingItCannotBeChecked()
    {
        var anchor = WriteText("anchor.checkpoint", _log.CheckpointAt(200).ToNote());

        var result = await VerifyAsync(Write(_log.Export(1, 150, [150])), "--checkpoint", anchor);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("cannot be checked", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestNoteOfALiveAnchor_NewerThanTheExport_Verifies_ByTheAnchorsCopyOfTheExportsCheckpoint()
    {
        // What the README shows: the checkpointer has moved on to 200 since the export (1..150) was taken.
        var latest = AnchorFile("latest.note", _log.CheckpointAt(200).ToNote());
        AnchorFile(CheckpointFileName(150), _log.CheckpointAt(150).ToNote());

        var result = await VerifyAsync(Write(_log.Export(1, 150, [100, 150])), "--checkpoint", latest, "--pubkey", _log.Signer.Verifier.VerifierKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("anchor's checkpoint at size 150 (its latest, size 200, is newer than the export)", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchorsCopyOfTheExportsCheckpoint_WithAnotherRoot_Exits1_AsAFork()
    {
        var latest = AnchorFile("latest.note", _log.CheckpointAt(200).ToNote());
        var other = _log.Signer.Sign(new Checkpoint(ExportFixture.Origin, 150, _log.RootAt(149), DateTimeOffset.UnixEpoch));
        AnchorFile(CheckpointFileName(150), other.ToNote());

        var result = await VerifyAsync(Write(_log.Export(1, 150, [150])), "--checkpoint", latest);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("forked", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing file")]
    [InlineData("not an export")]
    [InlineData("no FILE")]
    [InlineData("unknown option")]
    [InlineData("option without value")]
    [InlineData("bad anchor")]
    public async Task BadUsageOrUnreadableFile_Exits2(string what)
    {
        var good = Write(_log.Export(1, 10, [10]));
        string[] args = what switch
        {
            "missing file" => [_temp.File("nope.jsonl")],
            "not an export" => [WriteText("x.jsonl", "hello\n")],
            "no FILE" => [],
            "unknown option" => [good, "--pubky", "x"],
            "option without value" => [good, "--pubkey"],
            _ => [good, "--checkpoint", WriteText("bad.checkpoint", "not a note")],
        };

        var result = await VerifyAsync(args);

        Assert.True(result.ExitCode == 2, what + ": " + result);
    }

    private string Write(byte[] export)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllBytes(path, export);
        return path;
    }

    private string WriteText(string name, string text)
    {
        File.WriteAllText(_temp.File(name), text);
        return _temp.File(name);
    }

    private static string CheckpointFileName(long size) => "checkpoint-" + size.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + ".note";

    private string AnchorFile(string name, string note)
    {
        var directory = Directory.CreateDirectory(_temp.File("anchor")).FullName;
        File.WriteAllText(Path.Combine(directory, name), note);
        return Path.Combine(directory, name);
    }

    private Task<CliResult> VerifyAsync(params string[] args) =>
        CliProcess.RunAsync(new CliRun(_temp.File("signing-key.pem"), _temp.Path, ["audit", "verify", .. args]));
}
