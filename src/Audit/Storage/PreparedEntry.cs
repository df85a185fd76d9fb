using Governance.Audit.Integrity;
using Governance.Domain.Auditing;

namespace Governance.Audit.Storage;

/// <summary>
/// An entry checked, normalised to what PostgreSQL stores, and encoded. Done on the caller's
/// thread so a malformed entry fails its own caller instead of poisoning a whole batch.
/// </summary>
internal sealed record PreparedEntry(AuditEntry Entry, byte[] Canonical)
{
    public static PreparedEntry From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { OccurredAt = AuditEntryEncoding.TruncateToMicroseconds(entry.OccurredAt) };
        RejectNul(stored.Action, stored.ActorId, stored.ActorRole, stored.TenantId, stored.ModelName,
            stored.ModelVersion, stored.ModelDigest, stored.ErrorCode, stored.InputDigest, stored.OutputDigest, stored.TraceId,
            stored.PolicyVersion, stored.Decision, stored.DataSubject);
        if (stored.RuleIds is not null)
        {
            RejectNul([.. stored.RuleIds]);
        }

        return new PreparedEntry(stored, AuditEntryEncoding.Encode(stored));
    }

    // PostgreSQL text cannot hold U+0000; refusing here keeps the error with the one bad entry.
    private static void RejectNul(params string?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("Audit entry fields must not contain NUL characters.", nameof(values));
            }
        }
    }
}
