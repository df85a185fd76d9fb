using Governance.Audit.Offline.Checkpoints;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// One line of an audit export (JSON Lines). In file order: <see cref="ExportHeader"/>,
/// <see cref="ExportPrefix"/>, every <see cref="ExportCheckpoint"/> and <see cref="ExportConsistency"/>,
/// then one <see cref="ExportEntry"/> per sequence, ascending and gap-free. Checkpoints come before
/// the entries so a verifier knows, while streaming, at which sizes it must compare roots.
/// </summary>
public abstract record ExportRecord;

/// <summary>What the export covers and the key its checkpoints are signed with.</summary>
public sealed record ExportHeader(
    string Origin,
    long FirstSequence,
    long LastSequence,
    DateTimeOffset ExportedAt,
    string PublicKeyPem,
    string KeyId) : ExportRecord
{
    public const string FormatId = "governance-audit-export";
    public const int CurrentVersion = 1;
}

/// <summary>
/// The tree before the first exported entry: its size (first sequence - 1) and frontier, highest
/// level first. Unsigned on its own; a forged frontier cannot reproduce a signed root.
/// </summary>
public sealed record ExportPrefix(long TreeSize, IReadOnlyList<byte[]> Frontier) : ExportRecord;

/// <summary>A signed checkpoint, kept as its note text.</summary>
public sealed record ExportCheckpoint(SignedCheckpoint Checkpoint) : ExportRecord;

/// <summary>A consistency proof from a tree size inside the export to a newer signed checkpoint.</summary>
public sealed record ExportConsistency(long FromSize, long ToSize, IReadOnlyList<byte[]> Proof) : ExportRecord;

/// <summary>
/// One entry: the canonical bytes that were hashed, the leaf hash the log stores for it, and the
/// readable fields as the log's columns hold them. A verifier checks all three against each other.
/// </summary>
public sealed record ExportEntry(long Sequence, DateTimeOffset CommittedAt, byte[] LeafHash, byte[] Canonical, AuditEntry Entry) : ExportRecord;
