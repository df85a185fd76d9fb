using Governance.Audit.Offline.Integrity;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Storage;

/// <summary>
/// Writes entries into audit_records inside the caller's transaction: first the counter row hands out
/// their log sequences (one UPDATE for the whole batch, ADR-029), then one binary COPY names them. The
/// counter's lock, held until the transaction ends, is what keeps record ids in sequence order and
/// sequences without gaps; the sequencer later integrates the records at exactly those places.
/// </summary>
internal static class RecordWriter
{
    // now() is the transaction's start, the same value recorded_at's default gives every row of the batch.
    private const string TakeSql = "UPDATE audit_counter SET last_sequence = last_sequence + $1 RETURNING last_sequence - $1 + 1, now()";

    private const string CopySql = """
        COPY audit_records (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role,
            tenant_id, model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest,
            trace_id, policy_version, decision, data_subject, encoding, leaf_hash, log_sequence)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Writes the entries; returns the first one's sequence (the others follow it in list order) and
    /// the time recorded with them. Both are final once the caller's transaction commits.
    /// <paramref name="lockTimeout"/>, when given, bounds the wait for the counter (another writer's commit).
    /// </summary>
    public static async Task<(long FirstSequence, DateTimeOffset RecordedAt)> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<PreparedEntry> entries, TimeSpan? lockTimeout, CancellationToken ct)
    {
        var (first, recordedAt) = await TakeSequencesAsync(connection, entries.Count, lockTimeout, ct).ConfigureAwait(false);
        var importer = await connection.BeginBinaryImportAsync(CopySql, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                await WriteRowAsync(importer, entries[i], first + i, ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }

        return (first, recordedAt);
    }

    private static async Task<(long, DateTimeOffset)> TakeSequencesAsync(NpgsqlConnection connection, int count, TimeSpan? lockTimeout, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            if (lockTimeout is { } timeout)
            {
                var setTimeout = new NpgsqlBatchCommand("SELECT set_config('lock_timeout', $1, true)");
                setTimeout.Parameters.Add(new() { Value = $"{(long)timeout.TotalMilliseconds}ms" });
                batch.BatchCommands.Add(setTimeout);
            }

            var take = new NpgsqlBatchCommand(TakeSql);
            take.Parameters.Add(new() { Value = (long)count });
            batch.BatchCommands.Add(take);
            var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (lockTimeout is not null)
                {
                    await reader.NextResultAsync(ct).ConfigureAwait(false);
                }

                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("audit_counter has no row (migration 0019 creates it).");
                }

                return (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
            }
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, PreparedEntry prepared, long sequence, CancellationToken ct)
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
        await importer.WriteAsync(sequence, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
