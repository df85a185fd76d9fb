using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Sequencing;

/// <summary>Writes a batch's runs and the perfect subtrees it completed (inside the sequencer's transaction, one round trip).</summary>
internal static class RunStore
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredRun> runs, IReadOnlyList<MerkleNode> nodes, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            var insertRuns = new NpgsqlBatchCommand("""
                INSERT INTO audit_log_runs (first_sequence, entry_count, first_record_id, leaf_hashes, root_hash)
                SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::bytea[], $5::bytea[]) ORDER BY 1
                """);
            insertRuns.Parameters.Add(new() { Value = runs.Select(r => r.FirstSequence).ToArray() });
            insertRuns.Parameters.Add(new() { Value = runs.Select(r => r.Count).ToArray() });
            insertRuns.Parameters.Add(new() { Value = runs.Select(r => r.FirstRecordId).ToArray() });
            insertRuns.Parameters.Add(new() { Value = runs.Select(r => r.LeafHashes).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            insertRuns.Parameters.Add(new() { Value = runs.Select(r => r.RootHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            batch.BatchCommands.Add(insertRuns);
            if (nodes.Count > 0)
            {
                var insertNodes = new NpgsqlBatchCommand(
                    "INSERT INTO audit_tree_nodes (level, node_index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])");
                insertNodes.Parameters.Add(new() { Value = nodes.Select(n => (short)n.Id.Level).ToArray() });
                insertNodes.Parameters.Add(new() { Value = nodes.Select(n => n.Id.Index).ToArray() });
                insertNodes.Parameters.Add(new() { Value = nodes.Select(n => n.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
                batch.BatchCommands.Add(insertNodes);
            }

            var inserted = await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (inserted != runs.Count + nodes.Count)
            {
                throw new InvalidOperationException($"Wrote {inserted} of {runs.Count + nodes.Count} run and node rows; the batch is rolled back.");
            }
        }
    }
}
