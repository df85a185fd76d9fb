using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Export;

/// <summary>Between <see cref="AuditEntry"/> and its readable JSON fields.</summary>
internal static class ExportFieldMapping
{
    public static ExportEntryFields ToFields(AuditEntry e) => new()
    {
        RequestId = e.RequestId,
        OccurredAt = e.OccurredAt.ToUniversalTime(),
        Action = e.Action,
        Outcome = AuditOutcomeCodes.ToCode(e.Outcome),
        StatusCode = e.StatusCode,
        ActorId = e.ActorId,
        ActorRole = e.ActorRole,
        TenantId = e.TenantId,
        ModelName = e.ModelName,
        ModelVersion = e.ModelVersion,
        ModelDigest = e.ModelDigest,
        ErrorCode = e.ErrorCode,
        RuleIds = [.. e.RuleIds],
        InputDigest = e.InputDigest,
        OutputDigest = e.OutputDigest,
        TraceId = e.TraceId,
        PolicyVersion = e.PolicyVersion,
        Decision = e.Decision,
        DataSubject = e.DataSubject,
    };

    public static AuditEntry FromFields(ExportEntryFields f) => new(
        f.RequestId,
        f.OccurredAt,
        f.Action ?? throw new FormatException("The entry has no action."),
        AuditOutcomeCodes.FromCode(f.Outcome ?? throw new FormatException("The entry has no outcome.")),
        f.StatusCode,
        f.ActorId ?? throw new FormatException("The entry has no actor_id."),
        f.ActorRole ?? throw new FormatException("The entry has no actor_role."),
        f.TenantId,
        f.ModelName,
        f.ModelVersion,
        f.ModelDigest,
        f.ErrorCode,
        f.RuleIds ?? throw new FormatException("The entry has no rule_ids."),
        f.InputDigest,
        f.OutputDigest,
        f.TraceId)
    {
        PolicyVersion = f.PolicyVersion,
        Decision = f.Decision,
        DataSubject = f.DataSubject,
    };

    /// <summary>The first readable field that differs from the decoded one, as "name: readable vs hashed"; null when all agree.</summary>
    public static string? FirstDifference(AuditEntry readable, AuditEntry hashed)
    {
        if (readable.RequestId != hashed.RequestId)
        {
            return Describe("request_id", readable.RequestId.ToString(), hashed.RequestId.ToString());
        }

        if (readable.OccurredAt.UtcTicks != hashed.OccurredAt.UtcTicks)
        {
            return Describe("occurred_at", readable.OccurredAt.ToString("O", null), hashed.OccurredAt.ToString("O", null));
        }

        if (readable.StatusCode != hashed.StatusCode)
        {
            return Describe("status_code", readable.StatusCode.ToString(null, null), hashed.StatusCode.ToString(null, null));
        }

        if (!readable.RuleIds.SequenceEqual(hashed.RuleIds, StringComparer.Ordinal))
        {
            return Describe("rule_ids", string.Join(',', readable.RuleIds), string.Join(',', hashed.RuleIds));
        }

        ReadOnlySpan<(string Name, string? Readable, string? Hashed)> strings =
        [
            ("action", readable.Action, hashed.Action),
            ("outcome", AuditOutcomeCodes.ToCode(readable.Outcome), AuditOutcomeCodes.ToCode(hashed.Outcome)),
            ("actor_id", readable.ActorId, hashed.ActorId),
            ("actor_role", readable.ActorRole, hashed.ActorRole),
            ("tenant_id", readable.TenantId, hashed.TenantId),
            ("model_name", readable.ModelName, hashed.ModelName),
            ("model_version", readable.ModelVersion, hashed.ModelVersion),
            ("model_digest", readable.ModelDigest, hashed.ModelDigest),
            ("error_code", readable.ErrorCode, hashed.ErrorCode),
            ("input_digest", readable.InputDigest, hashed.InputDigest),
            ("output_digest", readable.OutputDigest, hashed.OutputDigest),
            ("trace_id", readable.TraceId, hashed.TraceId),
            ("policy_version", readable.PolicyVersion, hashed.PolicyVersion),
            ("decision", readable.Decision, hashed.Decision),
            ("data_subject", readable.DataSubject, hashed.DataSubject),
        ];
        foreach (var (name, a, b) in strings)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                return Describe(name, a, b);
            }
        }

        return null;
    }

    private static string Describe(string field, string? readable, string? hashed) =>
        $"{field} reads {Quote(readable)} but the hashed bytes say {Quote(hashed)}";

    private static string Quote(string? value) => value is null ? "null" : $"\"{(value.Length > 80 ? value[..80] + "…" : value)}\"";
}
