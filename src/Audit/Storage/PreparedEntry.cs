using System.Buffers;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Offline.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Audit.Storage;

/// <summary>
/// An entry checked, normalised to what PostgreSQL stores, and hashed into its Merkle leaf. Done on
/// the caller's thread, in parallel with other callers, so a malformed entry fails its own caller
/// instead of poisoning a whole batch and the writer loop only copies bytes.
/// </summary>
internal sealed record PreparedEntry(AuditEntry Entry, byte Encoding, byte[] LeafHash)
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    public static PreparedEntry From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var truncated = AuditEntryEncoding.TruncateToMicroseconds(entry.OccurredAt);
        var stored = truncated == entry.OccurredAt && entry.OccurredAt.Offset == TimeSpan.Zero ? entry : entry with { OccurredAt = truncated };
        if (HasNul(stored))
        {
            // PostgreSQL text cannot hold U+0000; refusing here keeps the error with the one bad entry.
            throw new ArgumentException("Audit entry fields must not contain NUL characters.", nameof(entry));
        }

        return new PreparedEntry(stored, AuditEntryEncoding.CurrentVersion, LeafOf(stored));
    }

    /// <summary>The receipt of this entry once written at <paramref name="sequence"/> by a transaction that committed.</summary>
    public AuditReceipt ReceiptAt(long sequence, DateTimeOffset recordedAt) => new(sequence, Convert.ToHexStringLower(LeafHash), recordedAt);

    // Encoded into a reused buffer and hashed from there: the canonical bytes are never kept.
    private static byte[] LeafOf(AuditEntry entry)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        AuditEntryEncoding.EncodeTo(buffer, entry, AuditEntryEncoding.CurrentVersion);
        var leaf = new byte[MerkleHash.Size];
        MerkleHash.Leaf(buffer.WrittenSpan, leaf);
        if (buffer.Capacity > 64 * 1024)
        {
            _threadBuffer = null; // an unusually large entry: don't keep its buffer alive on this thread
        }

        return leaf;
    }

    private static bool HasNul(AuditEntry e)
    {
        if (Nul(e.Action) || Nul(e.ActorId) || Nul(e.ActorRole) || Nul(e.TenantId) || Nul(e.ModelName) || Nul(e.ModelVersion)
            || Nul(e.ModelDigest) || Nul(e.ErrorCode) || Nul(e.InputDigest) || Nul(e.OutputDigest) || Nul(e.TraceId)
            || Nul(e.PolicyVersion) || Nul(e.Decision) || Nul(e.DataSubject))
        {
            return true;
        }

        if (e.RuleIds is not null)
        {
            foreach (var rule in e.RuleIds)
            {
                if (Nul(rule))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Nul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
