using Governance.Audit.Offline.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Storage;

/// <summary>
/// Writes entries into audit_records inside the caller's transaction: one binary COPY, no lock, no
/// id round trip. The identity numbers the rows; the sequencer later gives them their place in the
/// log in that order (ADR-010), and callers find their receipt by request id.
/// </summary>
internal static class RecordWriter
{
    private const string CopySql = """
        COPY audit_records (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
            tenant_id, model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest,
            trace_id, policy_version, decision, data_subject, encoding, leaf_hash)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<PreparedEntry> entries, CancellationToken ct)
    {
        var importer = await connection.BeginBinaryImportAsync(CopySql, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                await WriteRowAsync(importer, entries[i], ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, PreparedEntry prepared, CancellationToken ct)
    {
        var e = prepared.Entry;
        await importer.StartRowAsync(ct).ConfigureAwait(false);
        await importer.WriteAsync(e.RequestId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.Action, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(AuditOutcomeCodes.ToCode(e.Outcome), NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.StatusCode, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.ActorId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.ActorRole, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.TenantId, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.ModelName, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.ModelVersion, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.ModelDigest, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.ErrorCode, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.RuleIds as string[] ?? [.. e.RuleIds], NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.InputDigest, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.OutputDigest, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.TraceId, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.PolicyVersion, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.Decision, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.DataSubject, ct).ConfigureAwait(false);
        await importer.WriteAsync((short)prepared.Encoding, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
        await importer.WriteAsync(prepared.LeafHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
