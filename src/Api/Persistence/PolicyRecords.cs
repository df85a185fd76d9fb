namespace Governance.Api.Persistence;

/// <summary>policy_versions (db/migrations/0005): append-only, numbered under an advisory lock.</summary>
public sealed class PolicyVersionRecord
{
    public required int Version { get; init; }

    public required string Name { get; init; }

    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    public required int RuleCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}

/// <summary>policy_approvals: one per version and approver; the database refuses the author.</summary>
public sealed class PolicyApprovalRecord
{
    public required int Version { get; init; }

    public required string ApprovedBy { get; init; }

    public required DateTimeOffset ApprovedAt { get; init; }
}

/// <summary>policy_activations: the latest row names the active version; its insert notifies the watchers.</summary>
public sealed class PolicyActivationRecord
{
    /// <summary>Assigned by the database (identity).</summary>
    public long Id { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset ActivatedAt { get; init; }

    public required string ActivatedBy { get; init; }

    public required bool Emergency { get; init; }

    public string? Reason { get; init; }
}
