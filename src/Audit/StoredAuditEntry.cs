using Governance.Domain.Auditing;

namespace Governance.Audit;

/// <summary>An entry as the log holds it: its position, the bytes that were hashed, and the chain links.</summary>
public sealed record StoredAuditEntry(
    long Sequence,
    AuditEntry Entry,
    DateTimeOffset CommittedAt,
    byte[] Canonical,
    byte[] EntryHash,
    byte[] PreviousHash)
{
    public string EntryHashHex => Convert.ToHexStringLower(EntryHash);

    public AuditReceipt Receipt => new(Sequence, EntryHashHex, CommittedAt);
}
