using Governance.Domain.Auditing;

namespace Governance.Audit;

/// <summary>Filters for listing entries; results come in sequence order, after <see cref="AfterSequence"/>.</summary>
public sealed record AuditQuery
{
    public const int MaxLimit = 1000;

    public string? TenantId { get; init; }

    public string? Action { get; init; }

    public AuditOutcome? Outcome { get; init; }

    public Guid? RequestId { get; init; }

    /// <summary>Paging cursor: only entries with a greater sequence.</summary>
    public long AfterSequence { get; init; }

    public int Limit { get; init; } = 100;
}
