namespace Governance.Api.PolicyEngine;

/// <summary>One stored policy version with its approvals and whether it is the active one.</summary>
public sealed record PolicyVersionRow(
    int Version, string Name, string Source, string Sha256, int RuleCount, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<string> ApprovedBy, bool Active, bool EverActivated)
{
    public string Status => Active ? "active" : ApprovedBy.Count > 0 ? "approved" : "draft";
}

/// <summary>The currently active version and the activation that made it so.</summary>
public sealed record ActiveVersion(int Version, long ActivationId, string Source);

/// <summary>
/// The policy history (versions, approvals, activations), owned by the policy feature. Scoped: inside
/// a command it works in the command's transaction, so a version, approval or activation commits
/// with its audit entry (ADR-011).
/// </summary>
public interface IPolicyVersions
{
    Task<bool> AnyAsync(CancellationToken ct);

    Task<PolicyVersionRow?> GetAsync(int version, CancellationToken ct);

    /// <summary>The newest 1000 versions, newest first.</summary>
    Task<IReadOnlyList<PolicyVersionRow>> ListAsync(CancellationToken ct);

    Task<ActiveVersion?> ActiveAsync(CancellationToken ct);

    /// <summary>The id of the latest activation only: what the watcher polls (cheap, index-only).</summary>
    Task<long?> LatestActivationIdAsync(CancellationToken ct);

    /// <summary>Stores a new version numbered after the highest one; returns its number.</summary>
    Task<int> InsertVersionAsync(string name, string source, int ruleCount, DateTimeOffset at, string by, CancellationToken ct);

    Task ApproveAsync(int version, string by, DateTimeOffset at, CancellationToken ct);

    /// <summary>Appends an activation; returns its id.</summary>
    Task<long> ActivateAsync(int version, string by, DateTimeOffset at, bool emergency, string? reason, CancellationToken ct);
}
