using Governance.Audit.Integrity;
using Governance.Domain.Auditing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Storage;

/// <summary>
/// The one place that sequences and chains entries, shared by group commit and by commands that
/// append inside their own transaction. See db/migrations/0001_audit_log.sql for the design.
/// </summary>
internal static class AuditAppender
{
    /// <summary>"gov_audt" as a big-endian int64; every writer of audit_entries takes it.</summary>
    public const long SequencerLockKey = 0x676F765F61756474;

    // Read after the lock, in a fresh READ COMMITTED snapshot, so the previous holder's batch is visible.
    private const string TailSql = """
        SELECT clock_timestamp(), tail.sequence, tail.entry_hash
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (SELECT sequence, entry_hash FROM audit_entries ORDER BY sequence DESC LIMIT 1) AS tail ON true
        """;

    private const string CopySql = """
        COPY audit_entries (sequence, request_id, occurred_at, committed_at, action, outcome, status_code,
            actor_id, actor_role, tenant_id, model_name, model_version, model_digest, error_code, rule_ids,
            input_digest, output_digest, trace_id, canonical, entry_hash, previous_hash,
            policy_version, decision, data_subject)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task<AuditReceipt[]> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PreparedEntry> entries, CancellationToken cancellationToken)
    {
        var (committedAt, lastSequence, previousHash) = await LockAndReadTailAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var receipts = new AuditReceipt[entries.Count];
        var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var sequence = lastSequence + 1 + i;
                var entryHash = AuditEntryEncoding.ComputeEntryHash(previousHash, entries[i].Canonical);
                await WriteRowAsync(importer, sequence, committedAt, entries[i], entryHash, previousHash, cancellationToken).ConfigureAwait(false);
                receipts[i] = new AuditReceipt(sequence, Convert.ToHexStringLower(entryHash), committedAt);
                previousHash = entryHash;
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return receipts;
    }

    private static async Task<(DateTimeOffset Now, long LastSequence, byte[] LastHash)> LockAndReadTailAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = SequencerLockKey } } },
                new NpgsqlBatchCommand(TailSql),
            },
        };
        await using (batch.ConfigureAwait(false))
        {
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var now = reader.GetFieldValue<DateTimeOffset>(0);
                return reader.IsDBNull(1)
                    ? (now, 0, AuditEntryEncoding.GenesisHash.ToArray())
                    : (now, reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }
    }

    private static async Task WriteRowAsync(
        NpgsqlBinaryImporter importer, long sequence, DateTimeOffset committedAt, PreparedEntry prepared,
        byte[] entryHash, byte[] previousHash, CancellationToken ct)
    {
        var e = prepared.Entry;
        await importer.StartRowAsync(ct).ConfigureAwait(false);
        await importer.WriteAsync(sequence, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.RequestId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await importer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
        await importer.WriteAsync(committedAt, NpgsqlDbType.TimestampTz, ct).ConfigureAwait(false);
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
        await WriteNullableAsync(importer, e.InputDigest, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.OutputDigest, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.TraceId, ct).ConfigureAwait(false);
        await importer.WriteAsync(prepared.Canonical, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
        await importer.WriteAsync(entryHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
        await importer.WriteAsync(previousHash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.PolicyVersion, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.Decision, ct).ConfigureAwait(false);
        await WriteNullableAsync(importer, e.DataSubject, ct).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
