using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Audit.Tests;

public sealed class AuditEntryEncodingTests
{
    private static readonly AuditEntry Baseline = SampleEntries.Create(1);

    public static TheoryData<string, AuditEntry> SingleFieldChanges => new()
    {
        { "RequestId", Baseline with { RequestId = Guid.Empty } },
        { "OccurredAt", Baseline with { OccurredAt = Baseline.OccurredAt.AddTicks(10) } },
        { "Action", Baseline with { Action = "inference.infes" } },
        { "Outcome", Baseline with { Outcome = AuditOutcome.Failed } },
        { "StatusCode", Baseline with { StatusCode = 201 } },
        { "ActorId", Baseline with { ActorId = "client-2" } },
        { "ActorRole", Baseline with { ActorRole = "admin" } },
        { "TenantId", Baseline with { TenantId = null } },
        { "ModelName", Baseline with { ModelName = "credit-risk2" } },
        { "ModelVersion", Baseline with { ModelVersion = "2" } },
        { "ModelDigest", Baseline with { ModelDigest = new string('d', 64) } },
        { "ErrorCode", Baseline with { ErrorCode = "" } },
        { "RuleIds", Baseline with { RuleIds = ["license.active"] } },
        { "InputDigest", Baseline with { InputDigest = null } },
        { "OutputDigest", Baseline with { OutputDigest = new string('e', 64) } },
        { "TraceId", Baseline with { TraceId = "x" } },
    };

    [Fact]
    public void Encoding_IsDeterministic()
    {
        var copy = Baseline with { RuleIds = [.. Baseline.RuleIds], OccurredAt = Baseline.OccurredAt.ToOffset(TimeSpan.FromHours(5)) };

        Assert.Equal(AuditEntryEncoding.Encode(Baseline), AuditEntryEncoding.Encode(Baseline));
        Assert.Equal(AuditEntryEncoding.Encode(Baseline), AuditEntryEncoding.Encode(copy));
    }

    [Theory]
    [MemberData(nameof(SingleFieldChanges))]
    public void AnySingleChangedField_ChangesTheLeafHash(string field, AuditEntry changed)
    {
        var before = MerkleHash.Leaf(AuditEntryEncoding.Encode(Baseline));
        var after = MerkleHash.Leaf(AuditEntryEncoding.Encode(changed));

        Assert.False(before.AsSpan().SequenceEqual(after), field + " did not change the hash");
    }

    [Fact]
    public void Null_IsDistinctFromEmpty()
    {
        var withNull = Baseline with { TenantId = null, ErrorCode = "" };
        var withEmpty = Baseline with { TenantId = "", ErrorCode = null };

        Assert.NotEqual(AuditEntryEncoding.Encode(withNull), AuditEntryEncoding.Encode(withEmpty));
    }

    [Fact]
    public void RuleIdBoundaries_AreUnambiguous()
    {
        var encodings = new[] { ["ab"], ["a", "b"], ["a", "b", ""], [], new[] { "" } }
            .Select(ids => Convert.ToHexString(AuditEntryEncoding.Encode(Baseline with { RuleIds = ids })));

        Assert.Equal(5, encodings.Distinct().Count());
    }

    [Fact]
    public void SubMicrosecondDifferences_AreBelowTheStoredResolution()
    {
        var a = Baseline with { OccurredAt = SampleEntries.Time.AddTicks(-(SampleEntries.Time.UtcTicks % 10)) };
        var b = a with { OccurredAt = a.OccurredAt.AddTicks(9) };

        Assert.Equal(AuditEntryEncoding.Encode(a), AuditEntryEncoding.Encode(b));
    }

    [Fact]
    public void LoneSurrogate_IsRejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => AuditEntryEncoding.Encode(Baseline with { ActorId = "\ud800" }));
    }

    [Fact]
    public void Version2Layout_IsPinned()
    {
        var entry = new AuditEntry(
            new Guid("00112233-4455-6677-8899-aabbccddeeff"), DateTimeOffset.UnixEpoch.AddTicks(12_345_678), "a", AuditOutcome.Denied, 403,
            "u", "r", null, null, null, null, "", ["x"], null, null, null)
        { PolicyVersion = "7", DataSubject = "" };
        const string Expected =
            "02" + "00112233445566778899aabbccddeeff" + "000000000012d687" + "0000000161" + "0000000664656e696564" + "00000193" +
            "0000000175" + "0000000172" + "ffffffff" + "ffffffff" + "ffffffff" + "ffffffff" + "00000000" +
            "00000001" + "0000000178" + "ffffffff" + "ffffffff" + "ffffffff" +
            "0000000137" + "ffffffff" + "00000000";

        Assert.Equal(Expected, Convert.ToHexStringLower(AuditEntryEncoding.Encode(entry)));
    }

    [Fact]
    public void Version1Layout_IsVersion2WithoutItsLastThreeFields()
    {
        var entry = Baseline with { PolicyVersion = null, Decision = null, DataSubject = null, OccurredAt = AuditEntryEncoding.TruncateToMicroseconds(Baseline.OccurredAt) };
        var version2 = AuditEntryEncoding.Encode(entry);

        var version1 = AuditEntryEncoding.Encode(entry, 1);

        Assert.Equal(1, version1[0]);
        Assert.Equal(version2[1..^12], version1[1..]);
        Assert.Equal(entry, AuditEntryEncoding.Decode(version1) with { RuleIds = entry.RuleIds });
    }

    [Fact]
    public void Version1_CannotHoldWhatVersion2Added()
    {
        Assert.Throws<ArgumentException>(() => AuditEntryEncoding.Encode(Baseline with { Decision = "{}" }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEntryEncoding.Encode(Baseline, 3));
    }
}
