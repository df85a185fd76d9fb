using Governance.Domain.Auditing;

namespace Governance.Audit.Sequencing;

/// <summary>A record that has its place in the log: what a receipt says about it.</summary>
public readonly record struct IntegratedRecord(Guid RequestId, long Sequence, ReadOnlyMemory<byte> LeafHash, DateTimeOffset RecordedAt)
{
    /// <summary>The receipt a caller gets; built only for callers that wait, since it formats the hash.</summary>
    public AuditReceipt ToReceipt() => new(Sequence, Convert.ToHexStringLower(LeafHash.Span), RecordedAt);
}
