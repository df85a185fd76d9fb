using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;

namespace Governance.Audit;

/// <summary>
/// An entry as the log holds it: its position, when it was recorded, the leaf hash the tree holds
/// for it and the encoding version its canonical bytes use.
/// </summary>
public sealed record StoredAuditEntry(long Sequence, AuditEntry Entry, DateTimeOffset RecordedAt, byte[] LeafHash, byte Encoding)
{
    public string LeafHashHex => Convert.ToHexStringLower(LeafHash);

    /// <summary>The bytes the leaf hashes, re-encoded from the stored fields.</summary>
    public byte[] Canonical => AuditEntryEncoding.Encode(Entry, Encoding);

    public AuditReceipt Receipt => new(Sequence, LeafHashHex, RecordedAt);
}
