using Governance.Audit.Offline.Export;
using Governance.Audit.Testing.Export;

namespace Governance.Audit.Tests.Export;

/// <summary>A good export verifies; what its holder could change, drop or reorder is caught at the right sequence.</summary>
public sealed class AuditExportVerifierTests : IDisposable
{
    private static readonly long[] Checkpoints = [30, 50, 100];
    private readonly ExportFixture _log = new(120);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void WholeLog_WithCheckpoints_Verifies()
    {
        var result = Verify(_log.Export(1, 100, Checkpoints));

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
        Assert.Equal(100, result.EntriesChecked);
        Assert.Equal(3, result.SignedRootsMatched);
        Assert.Null(result.FirstBadSequence);
        Assert.True(result.KeyFromExport);
    }

    [Fact]
    public void RangeInTheMiddle_WithItsPrefixAndAProofToANewerCheckpoint_Verifies()
    {
        var result = Verify(_log.Export(41, 77, [50], consistencyTo: 120));

        Assert.True(result.Verdict == ExportVerdict.Verified, result.Message);
        Assert.Equal(37, result.EntriesChecked);
        Assert.Equal(2, result.SignedRootsMatched);
    }

    [Fact]
    public void ChangedReadableField_FailsAtThatEntry_NamingTheField()
    {
        var lines = Lines();
        ExportTampering.EditEntry(lines, 37, o => o["entry"]!["actor_id"] = "someone-else");

        AssertFailsAt(37, lines, "actor_id");
    }

    [Fact]
    public void ChangedCanonicalByte_FailsAtThatEntry()
    {
        var lines = Lines();
        ExportTampering.EditCanonical(lines, 37, bytes => bytes[^20] ^= 0x01);

        AssertFailsAt(37, lines);
    }

    [Fact]
    public void EntryRewrittenConsistently_ButTreeLeafLeftAlone_FailsAtThatEntry()
    {
        var lines = Lines();
        var other = ExportFixture.EntryNumber(37) with { ActorId = "forged" };
        ExportTampering.EditEntry(lines, 37, o =>
        {
            o["canonical"] = Convert.ToBase64String(Offline.Integrity.AuditEntryEncoding.Encode(other));
            o["entry"]!["actor_id"] = "forged";
        });

        var result = AssertFailsAt(37, lines);
        Assert.Contains("altered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryAndItsStoredLeafRewritten_FailsAtTheFirstEntryAfterTheLastVerifiedRoot()
    {
        var lines = Lines();
        var forged = Offline.Integrity.AuditEntryEncoding.Encode(ExportFixture.EntryNumber(37) with { ActorId = "forged" });
        ExportTampering.EditEntry(lines, 37, o =>
        {
            o["canonical"] = Convert.ToBase64String(forged);
            o["entry"]!["actor_id"] = "forged";
            o["leaf_hash"] = Convert.ToBase64String(Governance.Audit.Offline.Merkle.MerkleHash.Leaf(forged));
        });

        AssertFailsAt(31, lines, "31..50");
    }

    [Fact]
    public void DeletedMiddleEntry_FailsAtIt()
    {
        var lines = Lines();
        lines.RemoveAt(ExportTampering.IndexOfEntry(lines, 37));

        AssertFailsAt(37, lines, "missing");
    }

    [Fact]
    public void DeletedTail_FailsAtTheFirstMissingEntry()
    {
        var lines = Lines();
        lines.RemoveRange(ExportTampering.IndexOfEntry(lines, 91), 10);

        AssertFailsAt(91, lines, "missing");
    }

    [Fact]
    public void DeletedTail_WithTheHeaderShortened_FailsAtTheFirstEntryTheNewerCheckpointSigns()
    {
        var lines = Lines();
        lines.RemoveRange(ExportTampering.IndexOfEntry(lines, 91), 10);
        ExportTampering.Edit(lines, 0, o => o["last_sequence"] = 90);

        AssertFailsAt(91, lines, "no consistency proof");
    }

    [Fact]
    public void SwappedLines_FailAtTheFirstOfThem()
    {
        var lines = Lines();
        var at = ExportTampering.IndexOfEntry(lines, 37);
        (lines[at], lines[at + 1]) = (lines[at + 1], lines[at]);

        AssertFailsAt(37, lines);
    }

    [Fact]
    public void SwappedEntryData_KeepingSequencesAndTreeLeaves_FailsAtTheFirstOfThem()
    {
        var lines = Lines();
        var at = ExportTampering.IndexOfEntry(lines, 37);
        ExportTampering.Edit(lines, at, a => ExportTampering.Edit(lines, at + 1, b =>
        {
            (a["canonical"], b["canonical"]) = (b["canonical"]!.DeepClone(), a["canonical"]!.DeepClone());
            (a["entry"], b["entry"]) = (b["entry"]!.DeepClone(), a["entry"]!.DeepClone());
        }));

        AssertFailsAt(37, lines);
    }

    [Fact]
    public void InsertedForgedEntry_FailsAtItsSequence()
    {
        var lines = Lines();
        var at = ExportTampering.IndexOfEntry(lines, 38);
        lines.Insert(at, lines[at].Replace("client-", "intruder-", StringComparison.Ordinal));

        AssertFailsAt(38, lines);
    }

    [Fact]
    public void AlteredCheckpoint_Fails_NamingIt()
    {
        var lines = Lines();
        var at = lines.FindIndex(l => l.Contains("\"checkpoint\"", StringComparison.Ordinal) && l.Contains("\\n50\\n", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\\n50\\n", "\\n49\\n", StringComparison.Ordinal);

        var result = Verify(ExportFixture.Join(lines));

        Assert.Equal(ExportVerdict.Failed, result.Verdict);
        Assert.Contains("size 49", result.Message, StringComparison.Ordinal);
        Assert.Contains("signature does not verify", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntriesAfterTheNewestCheckpoint_FailAsNotCovered()
    {
        AssertFailsAt(51, _log.Lines(1, 100, [30, 50]), "not covered");
    }

    [Fact]
    public void ForgedPrefix_FailsAtTheFirstExportedEntry()
    {
        var lines = _log.Lines(41, 77, [50], consistencyTo: 120);
        ExportTampering.Edit(lines, 1, o => o["frontier"]![0] = Convert.ToBase64String(new byte[32]));

        AssertFailsAt(41, lines);
    }

    [Fact]
    public void NotAnExport_IsUnreadable()
    {
        Assert.Equal(ExportVerdict.Unreadable, Verify("hello\n"u8.ToArray()).Verdict);
        Assert.Equal(ExportVerdict.Unreadable, Verify([]).Verdict);
        Assert.Equal(ExportVerdict.Unreadable, Verify("{\"type\":\"header\",\"format\":\"other\",\"version\":1}\n"u8.ToArray()).Verdict);
    }

    private List<string> Lines() => _log.Lines(1, 100, Checkpoints);

    private ExportVerificationResult AssertFailsAt(long sequence, List<string> lines, string? says = null) =>
        AssertFailsAt(sequence, ExportFixture.Join(lines), says);

    private static ExportVerificationResult AssertFailsAt(long sequence, byte[] export, string? says = null)
    {
        var result = Verify(export);
        Assert.True(result.Verdict == ExportVerdict.Failed, result.Message);
        Assert.True(result.FirstBadSequence == sequence, $"expected {sequence}: {result.FirstBadSequence} {result.Message}");
        if (says is not null)
        {
            Assert.Contains(says, result.Message, StringComparison.Ordinal);
        }

        return result;
    }

    private static ExportVerificationResult Verify(byte[] export, ExportVerificationOptions? options = null)
    {
        using var stream = new MemoryStream(export);
        return AuditExportVerifier.Verify(stream, options);
    }
}
