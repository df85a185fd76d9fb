using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// The append side of the audit trail. An entry is durable once staged; it has its place in the
/// Merkle log (sequence, receipt) once the sequencer has integrated it (ADR-007).
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Stages the entry (group commit), waits until the sequencer has integrated it, and returns its
    /// receipt. Throws <see cref="AuditUnavailableException"/> when it could not be made durable or
    /// was not integrated in time (fail closed).
    /// </summary>
    ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Stages the entry (group commit) and completes once it is durable, without waiting for integration.</summary>
    ValueTask<StagedAuditEntry> StageAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the entry inside the caller's transaction, so it commits (or rolls back) atomically
    /// with the caller's own changes. Takes no lock. The transaction must be READ COMMITTED. Once it
    /// has committed, <see cref="WaitForIntegrationAsync"/> gives the receipt.
    /// </summary>
    Task<StagedAuditEntry> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Waits until a committed staged entry has its sequence in the log.</summary>
    ValueTask<AuditReceipt> WaitForIntegrationAsync(StagedAuditEntry staged, CancellationToken cancellationToken);
}

/// <summary>A durable entry not yet (known to be) in the log: its staging id and its request.</summary>
public sealed record StagedAuditEntry(long StagedId, Guid RequestId);
