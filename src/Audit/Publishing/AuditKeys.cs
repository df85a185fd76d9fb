using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Publishing;

/// <summary>
/// The keys the audit trail trusts: the one signing checkpoints now, retired ones whose checkpoints
/// still verify (an ECDSA key from before ADR-023, say), and the witnesses whose cosignatures it accepts.
/// </summary>
public sealed record AuditKeys(NoteVerifier Signing, IReadOnlyList<NoteVerifier> Retired, IReadOnlyList<NoteVerifier> Witnesses)
{
    /// <summary>Keys whose signature makes a checkpoint the log's own.</summary>
    public IReadOnlyList<NoteVerifier> Trusted { get; } = [Signing, .. Retired];
}
