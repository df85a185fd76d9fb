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

    public string? ActorId { get; init; }

    public string? ModelName { get; init; }

    /// <summary>The pseudonymous data-subject reference (entries about one person).</summary>
    public string? DataSubject { get; init; }

    /// <summary>occurred_at at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>occurred_at before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Paging cursor: only entries with a greater sequence.</summary>
    public long AfterSequence { get; init; }

    public int Limit { get; init; } = 100;
}
