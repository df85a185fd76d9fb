using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// The append side of the audit trail. An entry's sequence is fixed in the transaction that writes it,
/// so its receipt is final once it is durable (ADR-029); it is in the Merkle log, with inclusion proofs,
/// once the sequencer has integrated it (ADR-010), usually milliseconds later.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Writes the entry (group commit), waits until the sequencer has integrated it, and returns its
    /// receipt. Throws <see cref="AuditUnavailableException"/> when it could not be made durable or
    /// was not integrated in time (fail closed).
    /// </summary>
    ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entry (group commit) and returns its final receipt once it is durable, without waiting
    /// for integration. Throws <see cref="AuditUnavailableException"/> when it could not be made durable.
    /// </summary>
    ValueTask<AuditReceipt> WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entry inside the caller's transaction, so it commits (or rolls back) atomically
    /// with the caller's own changes, and returns the receipt it has if that transaction commits. It
    /// takes the log's sequence counter, which every other writer waits for until the transaction
    /// ends: call it last, just before committing. The transaction must be READ COMMITTED.
    /// </summary>
    Task<AuditReceipt> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until a committed entry is integrated into the Merkle log (its inclusion proof exists) and
    /// returns its receipt; throws <see cref="AuditUnavailableException"/> past the integration timeout.
    /// </summary>
    ValueTask<AuditReceipt> WaitForIntegrationAsync(AuditReceipt receipt, CancellationToken cancellationToken);
}
