using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit;

/// <summary>The append side of the audit trail. A returned receipt means the entry is durable.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends the entry and completes once it is committed. Throws
    /// <see cref="AuditUnavailableException"/> when it could not be made durable (fail closed).
    /// </summary>
    ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the entry inside the caller's transaction, so it commits (or rolls back) atomically
    /// with the caller's own changes; the receipt is valid only once that transaction commits.
    /// Call it last before commit: it holds the log's sequencing lock until the transaction ends.
    /// The transaction must be READ COMMITTED.
    /// </summary>
    Task<AuditReceipt> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken);
}
