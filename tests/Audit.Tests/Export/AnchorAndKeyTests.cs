using System.Security.Cryptography;
using Governance.Audit.Offline.Checkpoints;
using Governance.Audit.Offline.Export;
using Governance.Audit.Testing.Export;

namespace Governance.Audit.Tests.Export;

/// <summary>Pinned keys and external anchors: what the export alone cannot prove.</summary>
public sealed class AnchorAndKeyTests : IDisposable
{
    private readonly ExportFixture _log = new(120);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void PinnedKey_ThatSignedTheExport_Verifies()
    {
        var result = Verify(_log.Export(1, 100, [100]), new() { PinnedKeys = [_log.Signer.PublicKeyPem] });

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
        Assert.False(result.KeyFromExport);
    }

    [Fact]
    public void ExportResignedWithAnotherKey_VerifiesAlone_ButFailsAgainstThePinnedKey()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = _log.Export(1, 100, [100], signer: new CheckpointSigner(attacker));

        Assert.Equal(ExportVerdict.Verified, Verify(forged).Verdict);
        var pinned = Verify(forged, new() { PinnedKeys = [_log.Signer.PublicKeyPem] });
        Assert.Equal(ExportVerdict.Failed, pinned.Verdict);
        Assert.Contains("pinned key", pinned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderKeyIdThatIsNotItsKey_Fails()
    {
        var lines = System.Text.Encoding.UTF8.GetString(_log.Export(1, 100, [100])).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        ExportTampering.Edit(lines, 0, o => o["key_id"] = "0123456789abcdef");

        var result = Verify(ExportFixture.Join(lines));

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("0123456789abcdef", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchor_InsideTheExport_Verifies()
    {
        var result = Verify(_log.Export(1, 100, [50, 100]), new() { Anchor = _log.CheckpointAt(70) });

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
        Assert.Equal(3, result.SignedRootsMatched);
    }

    [Fact]
    public void Anchor_NewerThanTheExport_VerifiesThroughTheConsistencyProof()
    {
        var result = Verify(_log.Export(1, 100, [100], consistencyTo: 120), new() { Anchor = _log.CheckpointAt(120) });

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
    }

    [Fact]
    public void Anchor_NewerThanTheExport_WithoutAProof_FailsSayingItCannotBeChecked()
    {
        var result = Verify(_log.Export(1, 100, [100]), new() { Anchor = _log.CheckpointAt(120) });

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("cannot be checked", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchor_OlderThanTheExportRange_FailsSayingItCannotBeChecked()
    {
        var result = Verify(_log.Export(61, 100, [100]), new() { Anchor = _log.CheckpointAt(40) });

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("cannot be checked", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchor_OfAnotherHistory_FailsAtTheFirstEntry()
    {
        // Same key, different log: a rewritten history re-signed with the real key is exposed by the anchor kept outside.
        using var rewritten = new ExportFixture(120, history: 1);
        var signer = _log.Signer;
        var export = rewritten.Export(1, 100, [100], signer: signer);

        var result = Verify(export, new() { Anchor = _log.CheckpointAt(80) });

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Equal(1, result.FirstBadSequence);
    }

    [Fact]
    public void Anchor_SignedByAnotherKey_Fails()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var anchor = _log.CheckpointAt(80, new CheckpointSigner(other));

        var result = Verify(_log.Export(1, 100, [100]), new() { Anchor = anchor });

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("anchor", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSignedRootsForOneSize_FailAsAFork()
    {
        using var rewritten = new ExportFixture(120, history: 1);
        var fork = _log.Signer.Sign(new Checkpoint(ExportFixture.Origin, 100, rewritten.RootAt(100), DateTimeOffset.UnixEpoch));

        var result = Verify(_log.Export(1, 100, [100]), new() { Anchor = fork });

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("forked", result.Message, StringComparison.Ordinal);
    }

    private static ExportVerificationResult Verify(byte[] export, ExportVerificationOptions? options = null)
    {
        using var stream = new MemoryStream(export);
        return AuditExportVerifier.Verify(stream, options);
    }
}
