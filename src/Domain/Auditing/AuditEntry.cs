using System.Text.Json.Serialization;

namespace Governance.Domain.Auditing;

/// <summary>
/// One decision or action, as the audit trail records it. Metadata only: payloads never appear
/// here in the clear, only their SHA-256 digests (lower-case hex).
/// </summary>
public sealed record AuditEntry(
    Guid RequestId,
    DateTimeOffset OccurredAt,
    string Action,
    AuditOutcome Outcome,
    int StatusCode,
    string ActorId,
    string ActorRole,
    string? TenantId,
    string? ModelName,
    string? ModelVersion,
    string? ModelDigest,
    string? ErrorCode,
    IReadOnlyList<string> RuleIds,
    string? InputDigest,
    string? OutputDigest,
    string? TraceId)
{
    /// <summary>The policy set version that decided the call (null before a policy decided anything).</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>
    /// The decision and the context it was made on, as canonical JSON (attributes only, never
    /// payload values), so a draft policy can be replayed against real past traffic.
    /// </summary>
    public string? Decision { get; init; }

    /// <summary>
    /// A pseudonymous reference to the data subject the call concerned (a keyed hash, never the raw
    /// identifier), so data-subject requests can find every entry about one person.
    /// </summary>
    public string? DataSubject { get; init; }
}

/// <summary>Serialized by the codes the log stores and the search filters take, never as numbers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))]
public enum AuditOutcome
{
    /// <summary>The request was carried out.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>Refused by authorization or policy (401/403).</summary>
    [JsonStringEnumMemberName("denied")]
    Denied,

    /// <summary>Refused because the input was bad (4xx other than 401/403).</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Failed inside the platform (5xx).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>Proof that an entry is in the log: its position, its RFC 9162 leaf hash and when it was recorded.</summary>
public sealed record AuditReceipt(long Sequence, string EntryHash, DateTimeOffset CommittedAt);
