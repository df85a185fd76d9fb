using Governance.Audit.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Storage;

/// <summary>
/// Writes entries into audit_staged inside the caller's transaction. No lock: concurrent writers
/// never wait for each other; the sequencer gives them their log order later (ADR-007).
/// </summary>
internal static class AuditStager
{
    private const string ReserveSql = "SELECT nextval('audit_staged_staged_id_seq') FROM generate_series(1, $1)";

    private const string CopySql = """
        COPY audit_staged (staged_id, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
            tenant_id, model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest,
            trace_id, policy_version, decision, data_subject, canonical)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Stages the entries; returns their staged ids, in the same order.</summary>
    public static async Task<long[]> StageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PreparedEntry> entries, CancellationToken ct)
    {
        var ids = await ReserveAsync(connection, transaction, entries.Count, ct).ConfigureAwait(false);
        var importer = await connection.BeginBinaryImportAsync(CopySql, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                await WriteRowAsync(importer, ids[i], entries[i], ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }

        return ids;
    }

    private static async Task<long[]> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ReserveSql, connection, transaction);
        command.Parameters.Add(new() { Value = count });
        var ids = new long[count];
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            for (var i = 0; i < count && await reader.ReadAsync(ct).ConfigureAwait(false); i++)
            {
                ids[i] = reader.GetInt64(0);
            }
        }

        return ids;
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, long stagedId, PreparedEntry prepared, CancellationToken ct)
    {
        var e = prepared.Entry;
        await importer.StartRowAsync(ct).ConfigureAwait(false);
        await importer.WriteAsync(stagedId, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.RequestId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.Action, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(AuditOutcomeCodes.ToCode(e.Outcome), NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.StatusCode, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.ActorId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.ActorRole, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        foreach (var text in new[] { e.TenantId, e.ModelName, e.ModelVersion, e.ModelDigest, e.ErrorCode })
        {
            await WriteNullableAsync(importer, text, ct).ConfigureAwait(false);
        }

        await importer.WriteAsync(e.RuleIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
        foreach (var text in new[] { e.InputDigest, e.OutputDigest, e.TraceId, e.PolicyVersion, e.Decision, e.DataSubject })
        {
            await WriteNullableAsync(importer, text, ct).ConfigureAwait(false);
        }

        await importer.WriteAsync(prepared.Canonical, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
