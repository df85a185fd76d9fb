using Governance.Audit.Integrity;
using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit.Storage;

/// <summary>The column list and row mapping shared by every reader of audit_entries.</summary>
internal static class AuditRows
{
    public const string SelectColumns = """
        SELECT sequence, request_id, occurred_at, committed_at, action, outcome, status_code, actor_id,
            actor_role, tenant_id, model_name, model_version, model_digest, error_code, rule_ids,
            input_digest, output_digest, trace_id, canonical, entry_hash, previous_hash,
            policy_version, decision, data_subject
        FROM audit_entries
        """;

    public static StoredAuditEntry Read(NpgsqlDataReader row)
    {
        var entry = new AuditEntry(
            RequestId: row.GetGuid(1),
            OccurredAt: row.GetFieldValue<DateTimeOffset>(2),
            Action: row.GetString(4),
            Outcome: AuditOutcomeCodes.FromCode(row.GetString(5)),
            StatusCode: row.GetInt32(6),
            ActorId: row.GetString(7),
            ActorRole: row.GetString(8),
            TenantId: Nullable(row, 9),
            ModelName: Nullable(row, 10),
            ModelVersion: Nullable(row, 11),
            ModelDigest: Nullable(row, 12),
            ErrorCode: Nullable(row, 13),
            RuleIds: row.GetFieldValue<string[]>(14),
            InputDigest: Nullable(row, 15),
            OutputDigest: Nullable(row, 16),
            TraceId: Nullable(row, 17))
        {
            PolicyVersion = Nullable(row, 21),
            Decision = Nullable(row, 22),
            DataSubject = Nullable(row, 23),
        };
        return new StoredAuditEntry(
            row.GetInt64(0),
            entry,
            row.GetFieldValue<DateTimeOffset>(3),
            row.GetFieldValue<byte[]>(18),
            row.GetFieldValue<byte[]>(19),
            row.GetFieldValue<byte[]>(20));
    }

    private static string? Nullable(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
