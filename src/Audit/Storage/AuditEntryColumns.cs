using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit.Storage;

/// <summary>The column lists and row mapping shared by every reader of the audit tables.</summary>
internal static class AuditEntryColumns
{
    /// <summary>An entry's fields, in the order <see cref="ReadEntry"/> expects them.</summary>
    public const string Fields = """
        request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id, model_name,
        model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id,
        policy_version, decision, data_subject
        """;

    /// <summary>Integrated entries, from the audit_entries view (migration 0008): read with <see cref="ReadLogged"/>.</summary>
    public const string SelectLogged = "SELECT sequence, recorded_at, leaf_hash, encoding, " + Fields + " FROM audit_entries";

    /// <summary>The same columns through the view a tenant's read is limited to (migration 0018).</summary>
    public const string SelectLoggedForTenant = "SELECT sequence, recorded_at, leaf_hash, encoding, " + Fields + " FROM tenant_audit_entries";

    public static StoredAuditEntry ReadLogged(NpgsqlDataReader row) =>
        new(row.GetInt64(0), ReadEntry(row, 4), row.GetFieldValue<DateTimeOffset>(1), row.GetFieldValue<byte[]>(2), (byte)row.GetInt16(3));

    /// <summary>The entry whose <see cref="Fields"/> start at <paramref name="first"/>; throws <see cref="FormatException"/> for an unknown outcome.</summary>
    public static AuditEntry ReadEntry(NpgsqlDataReader row, int first) =>
        new(
            RequestId: row.GetGuid(first),
            OccurredAt: row.GetFieldValue<DateTimeOffset>(first + 1),
            Action: row.GetString(first + 2),
            Outcome: AuditOutcomeCodes.FromCode(row.GetString(first + 3)),
            StatusCode: row.GetInt32(first + 4),
            ActorId: row.GetString(first + 5),
            ActorRole: row.GetString(first + 6),
            TenantId: Nullable(row, first + 7),
            ModelName: Nullable(row, first + 8),
            ModelVersion: Nullable(row, first + 9),
            ModelDigest: Nullable(row, first + 10),
            ErrorCode: Nullable(row, first + 11),
            RuleIds: row.GetFieldValue<string[]>(first + 12),
            InputDigest: Nullable(row, first + 13),
            OutputDigest: Nullable(row, first + 14),
            TraceId: Nullable(row, first + 15))
        {
            PolicyVersion = Nullable(row, first + 16),
            Decision = Nullable(row, first + 17),
            DataSubject = Nullable(row, first + 18),
        };

    private static string? Nullable(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
