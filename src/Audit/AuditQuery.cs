using Governance.Domain.Auditing;

namespace Governance.Audit;

/// <summary>Filters for listing entries; results come in sequence order, after <see cref="AfterSequence"/>.</summary>
public sealed record AuditQuery
{
    public const int MaxLimit = 1000;

    /// <summary>
    /// When set, the read runs as the database's tenant reader for this tenant (migration 0018): PostgreSQL
    /// itself returns no other tenant's entry, whatever the other filters say.
    /// </summary>
    public string? AsTenant { get; init; }

    public string? TenantId { get; init; }

    public string? Action { get; init; }

    public AuditOutcome? Outcome { get; init; }

    public Guid? RequestId { get; init; }

    public string? ActorId { get; init; }

    public string? ModelName { get; init; }

    /// <summary>The recorded policy decision's effect (allow, deny): entries decided that way.</summary>
    public string? Effect { get; init; }

    /// <summary>A rule id: entries whose decision named it (matched or denied by it).</summary>
    public string? RuleId { get; init; }

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
