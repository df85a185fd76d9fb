using System.Data;
using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Domain.Auditing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Sequencing;

/// <summary>One sequencer transaction: staged rows → entries, tree nodes and a tree head, or nothing.</summary>
internal static class SequencerBatch
{
    // Staged rows of transactions at or above the watermark that have no entry yet. Rows below it
    // were all seen by an earlier scan (see 0004_merkle_log.sql), so the index range stays small.
    // Ordered by the index (xid, id): ordering by staged_id alone made the planner walk the primary
    // key from the oldest row on every batch, which grew with the log.
    private const string PendingSql = """
        SELECT s.staged_id, s.canonical FROM audit_staged s
        WHERE s.staged_xid >= ($1::bigint)::text::xid8
          AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.staged_id = s.staged_id)
        ORDER BY s.staged_xid, s.staged_id
        LIMIT $2
        """;

    private const string InsertSql = """
        INSERT INTO audit_entries (sequence, request_id, occurred_at, committed_at, action, outcome, status_code,
            actor_id, actor_role, tenant_id, model_name, model_version, model_digest, error_code, rule_ids,
            input_digest, output_digest, trace_id, canonical, entry_hash, previous_hash,
            policy_version, decision, data_subject, staged_id)
        SELECT u.sequence, s.request_id, s.occurred_at, $5, s.action, s.outcome, s.status_code,
            s.actor_id, s.actor_role, s.tenant_id, s.model_name, s.model_version, s.model_digest, s.error_code, s.rule_ids,
            s.input_digest, s.output_digest, s.trace_id, s.canonical, u.entry_hash, u.previous_hash,
            s.policy_version, s.decision, s.data_subject, s.staged_id
        FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[]) AS u(staged_id, sequence, entry_hash, previous_hash)
        JOIN audit_staged s ON s.staged_id = u.staged_id
        ORDER BY u.sequence
        """;

    /// <summary>Integrates up to <paramref name="limit"/> staged entries; returns their receipts by staged id (empty when none).</summary>
    public static async Task<IReadOnlyList<(long StagedId, AuditReceipt Receipt)>> RunAsync(
        NpgsqlConnection connection, LogTail tail, int limit, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Repeatable read: the xmin below belongs to the very snapshot the scan reads.
            var (xmin, now) = await SnapshotAsync(connection, transaction, ct).ConfigureAwait(false);
            var staged = await ReadPendingAsync(connection, transaction, tail.Watermark, limit, ct).ConfigureAwait(false);
            var nextWatermark = staged.Count < limit ? Math.Max(xmin, tail.Watermark) : tail.Watermark;
            if (staged.Count == 0)
            {
                tail.Watermark = nextWatermark;
                return [];
            }

            var first = tail.Size + 1;
            var (receipts, rows, nodes) = Integrate(tail, staged, now);
            await InsertEntriesAsync(connection, transaction, rows, first, now, ct).ConfigureAwait(false);
            await TreeStore.WriteAsync(connection, transaction, nodes, tail.Tree.Size, tail.Tree.Root(), nextWatermark, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            tail.Watermark = nextWatermark;
            return receipts;
        }
    }

    private static ((long, AuditReceipt)[] Receipts, (long StagedId, byte[] EntryHash, byte[] PreviousHash)[] Rows, List<MerkleNode> Nodes)
        Integrate(LogTail tail, List<(long StagedId, byte[] Canonical)> staged, DateTimeOffset now)
    {
        var receipts = new (long, AuditReceipt)[staged.Count];
        var rows = new (long, byte[], byte[])[staged.Count];
        var nodes = new List<MerkleNode>(staged.Count * 2);
        for (var i = 0; i < staged.Count; i++)
        {
            var (stagedId, canonical) = staged[i];
            var previous = tail.LastEntryHash;
            var entryHash = AuditEntryEncoding.ComputeEntryHash(previous, canonical);
            tail.Tree.Append(MerkleHash.Leaf(canonical), nodes);
            tail.LastEntryHash = entryHash;
            rows[i] = (stagedId, entryHash, previous);
            receipts[i] = (stagedId, new AuditReceipt(tail.Tree.Size, Convert.ToHexStringLower(entryHash), now));
        }

        return (receipts, rows, nodes);
    }

    private static async Task<(long Xmin, DateTimeOffset Now)> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, now()", connection, transaction);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
    }

    private static async Task<List<(long, byte[])>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long watermark, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(PendingSql, connection, transaction);
        command.Parameters.Add(new() { Value = watermark });
        command.Parameters.Add(new() { Value = limit });
        var staged = new List<(long, byte[])>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                staged.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        return staged;
    }

    private static async Task InsertEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (long StagedId, byte[] EntryHash, byte[] PreviousHash)[] rows,
        long first, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new() { Value = rows.Select(r => r.StagedId).ToArray() });
        command.Parameters.Add(new() { Value = Enumerable.Range(0, rows.Length).Select(i => first + i).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.EntryHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = rows.Select(r => r.PreviousHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var inserted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (inserted != rows.Length)
        {
            throw new InvalidOperationException($"Integrated {inserted} of {rows.Length} staged entries; the batch is rolled back.");
        }
    }
}
