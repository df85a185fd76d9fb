using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// The append side of the audit trail. An entry is durable once written; it has its place in the
/// Merkle log (sequence, receipt) once the sequencer has integrated it (ADR-010).
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Writes the entry (group commit), waits until the sequencer has integrated it, and returns its
    /// receipt. Throws <see cref="AuditUnavailableException"/> when it could not be made durable or
    /// was not integrated in time (fail closed).
    /// </summary>
    ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes the entry (group commit) and completes once it is durable, without waiting for integration.</summary>
    ValueTask<WrittenAuditEntry> WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entry inside the caller's transaction, so it commits (or rolls back) atomically
    /// with the caller's own changes. Takes no lock beyond the row's own, but the log cannot move
    /// past the entry until that transaction ends: call it last, just before committing. The
    /// transaction must be READ COMMITTED. Once it has committed, <see cref="WaitForIntegrationAsync"/>
    /// gives the receipt.
    /// </summary>
    Task<WrittenAuditEntry> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Waits until a committed entry has its sequence in the log.</summary>
    ValueTask<AuditReceipt> WaitForIntegrationAsync(WrittenAuditEntry written, CancellationToken cancellationToken);
}

/// <summary>A durable entry not yet (known to be) in the log, known by its request id (unique per entry).</summary>
public readonly record struct WrittenAuditEntry(Guid RequestId);
