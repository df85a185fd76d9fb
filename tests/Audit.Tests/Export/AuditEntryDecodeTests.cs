using Governance.Audit.Integrity;
using Governance.Audit.Testing.Export;
using Governance.Domain.Auditing;

namespace Governance.Audit.Tests.Export;

/// <summary>Canonical bytes read back exactly as they were written, versions 1 and 2; anything else is refused.</summary>
public sealed class AuditEntryDecodeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(22)]
    [InlineData(77)]
    public void Decode_OfEncode_GivesTheSameEntryAndBytes(int number)
    {
        var entry = ExportFixture.EntryNumber(number);
        var bytes = AuditEntryEncoding.Encode(entry);

        var decoded = AuditEntryEncoding.Decode(bytes);

        Assert.Equal(bytes, AuditEntryEncoding.Encode(decoded));
        Assert.Equal(entry.RuleIds, decoded.RuleIds);
        Assert.Equal(entry with { RuleIds = decoded.RuleIds, OccurredAt = decoded.OccurredAt }, decoded);
        Assert.Equal(AuditEntryEncoding.TruncateToMicroseconds(entry.OccurredAt), decoded.OccurredAt);
    }

    [Fact]
    public void Decode_Version1_ReadsTheFieldsWithoutTheVersion2Ones()
    {
        var entry = ExportFixture.EntryNumber(1) with { PolicyVersion = null, Decision = null, DataSubject = null };
        var v2 = AuditEntryEncoding.Encode(entry);
        var v1 = v2[..^12];
        v1[0] = 1;

        var decoded = AuditEntryEncoding.Decode(v1);

        Assert.Equal(entry.ActorId, decoded.ActorId);
        Assert.Null(decoded.PolicyVersion);
        Assert.Equal(v2, AuditEntryEncoding.Encode(decoded));
    }

    public static TheoryData<string, byte[]> Malformed()
    {
        var good = AuditEntryEncoding.Encode(ExportFixture.EntryNumber(5));
        var unknownVersion = good.ToArray();
        unknownVersion[0] = 9;
        var badOutcome = AuditEntryEncoding.Encode(ExportFixture.EntryNumber(5) with { Outcome = AuditOutcome.Failed });
        var at = badOutcome.AsSpan().IndexOf("failed"u8);
        badOutcome[at] = (byte)'x';
        var badUtf8 = good.ToArray();
        badUtf8[good.AsSpan().IndexOf("client-"u8)] = 0xFF;
        return new()
        {
            { "empty", [] },
            { "truncated", good[..^1] },
            { "trailing byte", [.. good, 0] },
            { "unknown version", unknownVersion },
            { "unknown outcome", badOutcome },
            { "invalid UTF-8", badUtf8 },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_MalformedBytes_ThrowsFormatException(string why, byte[] bytes) =>
        Assert.True(Assert.Throws<FormatException>(() => AuditEntryEncoding.Decode(bytes)) is not null, why);
}
