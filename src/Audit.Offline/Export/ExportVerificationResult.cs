using Governance.Audit.Offline.Checkpoints;

namespace Governance.Audit.Offline.Export;

public enum ExportVerdict
{
    /// <summary>Every entry, root, signature and proof checked out.</summary>
    Verified,

    /// <summary>Something does not verify: altered, missing, reordered or unsigned data, or an anchor that cannot be checked.</summary>
    Failed,

    /// <summary>Not an audit export at all (no header, unknown format or version, unreadable key).</summary>
    Unreadable,
}

/// <summary>The verdict, and on failure the lowest sequence found wrong (null when the problem is not one entry's).</summary>
public sealed record ExportVerificationResult(ExportVerdict Verdict, string Message)
{
    public long? FirstBadSequence { get; init; }

    public long EntriesChecked { get; init; }

    public int SignedRootsMatched { get; init; }

    /// <summary>The key id the checkpoints were checked against.</summary>
    public string? KeyId { get; init; }

    /// <summary>True when the key came from the export itself rather than from the caller.</summary>
    public bool KeyFromExport { get; init; }
}

public sealed record ExportVerificationOptions
{
    /// <summary>
    /// The audit public keys to trust (the current one, and retired ones for older checkpoints), each a
    /// PEM key or a signed-note verifier key; a PEM Ed25519 key is named by the export's origin. An export
    /// whose header names none of them fails. Empty: the key the export carries.
    /// </summary>
    public IReadOnlyList<string>? PinnedKeys { get; init; }

    /// <summary>A checkpoint kept outside the database; it must be covered by the export or connected to it by a consistency proof.</summary>
    public SignedCheckpoint? Anchor { get; init; }

    /// <summary>
    /// The anchor's checkpoint of a given size, when it holds one (its directory keeps every checkpoint).
    /// Used when <see cref="Anchor"/> is newer than the export and no proof connects them: the anchor's
    /// copy of a size the export signs must then sign the same root.
    /// </summary>
    public Func<long, SignedCheckpoint?>? AnchoredAt { get; init; }

    /// <summary>Receives the bytes read so far, every few thousand entries.</summary>
    public IProgress<long>? Progress { get; init; }
}
