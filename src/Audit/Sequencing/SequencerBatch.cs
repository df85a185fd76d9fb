using System.Data;
using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// One sequencer transaction: the committed records after the log's end, in record order, join the
/// log at the sequences their writers took (ADR-029) and become runs and tree nodes, or nothing happens.
/// </summary>
/// <remarks>
/// Writers take record ids only while holding the sequence counter, which passes on only once their
/// transaction is visible or rolled back; so a record id missing below a visible one will never be
/// used, and the visible records after the log's end are the next sequences in order. Each record's
/// own log_sequence is checked against the place it takes: a mismatch stops the batch, loudly, instead
/// of integrating anything at a place other than the one its receipt named.
/// It commits with synchronous_commit off: everything it writes follows from records that are
/// already durable, so a crash can only lose a batch that the next leader recomputes identically.
/// Checkpoints commit synchronously, which flushes every earlier batch before a signed root leaves
/// the database.
/// </remarks>
internal static class SequencerBatch
{
    private const string ScanSql = "SELECT id, leaf_hash, log_sequence FROM audit_records WHERE id > $1 ORDER BY id LIMIT $2";

    /// <summary>Integrates up to <paramref name="limit"/> records; returns how many (0 when none).</summary>
    public static async Task<int> RunAsync(
        NpgsqlConnection connection, LogTail tail, int limit, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var visible = await ScanAsync(connection, transaction, tail, limit, ct).ConfigureAwait(false);
            var take = Placeable(visible, tail.Size);
            if (take == 0)
            {
                return 0;
            }

            var (runs, nodes) = Integrate(tail, visible, take);
            await RunStore.WriteAsync(connection, transaction, runs, nodes, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            tail.Through = visible.Ids[take - 1];
            return take;
        }
    }

    // How many visible records, from the first, sit exactly at the sequences after the log's end.
    private static int Placeable(VisibleRecords visible, long size)
    {
        for (var i = 0; i < visible.Count; i++)
        {
            if (visible.Sequences[i] != size + i + 1)
            {
                if (i == 0)
                {
                    throw new InvalidOperationException(
                        $"Record {visible.Ids[0]} names log sequence {visible.Sequences[0]}, but the log continues at {size + 1}; nothing is integrated past it.");
                }

                return i;
            }
        }

        return visible.Count;
    }

    private static (List<StoredRun> Runs, List<MerkleNode> Nodes) Integrate(LogTail tail, VisibleRecords visible, int take)
    {
        var runs = new List<StoredRun>();
        var nodes = new List<MerkleNode>();
        var start = 0;
        for (var i = 0; i < take; i++)
        {
            tail.Tree.Append(visible.Leaf(i).Span, nodes, StoredTree.StoredLevel);
            // A run ends where record ids jump (ids of a rolled-back writer) or the batch ends.
            if (i == take - 1 || visible.Ids[i + 1] != visible.Ids[i] + 1)
            {
                var count = i - start + 1;
                runs.Add(new StoredRun(FirstSequence: tail.Tree.Size - count + 1, Count: count, FirstRecordId: visible.Ids[start], LeafHashes: visible.Leaves(start, count), RootHash: tail.Tree.Root()));
                start = i + 1;
            }
        }

        return (runs, nodes);
    }

    private static async Task<VisibleRecords> ScanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LogTail tail, int limit, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new("SELECT set_config('synchronous_commit', 'off', true)"));
            var scan = new NpgsqlBatchCommand(ScanSql);
            scan.Parameters.Add(new() { Value = tail.Through });
            scan.Parameters.Add(new() { Value = limit });
            batch.BatchCommands.Add(scan);
            var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                var visible = new VisibleRecords();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    visible.Add(reader);
                }

                return visible;
            }
        }
    }
}
