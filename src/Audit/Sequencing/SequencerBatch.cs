using System.Data;
using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// One sequencer transaction: the records that may join the log now, in record order (see
/// <see cref="GapTracker"/>), become runs and tree nodes, or nothing happens.
/// </summary>
/// <remarks>
/// It commits with synchronous_commit off: everything it writes follows from records that are
/// already durable (a record's sequence is the rank of its id among the committed records), so a
/// crash can only lose a batch that the next leader recomputes identically. Checkpoints commit
/// synchronously, which flushes every earlier batch before a signed root leaves the database.
/// </remarks>
internal static class SequencerBatch
{
    // Read committed: each statement has its own snapshot, so holders read by the statement before
    // the scan were read before the scan's snapshot, and holders read after it, after.
    private const string HoldersSql = """
        SELECT virtualtransaction FROM pg_locks
        WHERE locktype = 'relation' AND mode = 'RowExclusiveLock' AND relation = 'audit_records'::regclass
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    private const string ScanSql = "SELECT id, request_id, leaf_hash, recorded_at FROM audit_records WHERE id > $1 ORDER BY id LIMIT $2";

    /// <summary>Integrates up to <paramref name="limit"/> records; returns them with their sequences (empty when none).</summary>
    public static async Task<IReadOnlyList<IntegratedRecord>> RunAsync(
        NpgsqlConnection connection, LogTail tail, int limit, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var (holdersBefore, visible) = await ScanAsync(connection, transaction, tail, limit, ct).ConfigureAwait(false);
            var take = tail.Gaps.Walk(visible.Ids, holdersBefore);
            if (tail.Gaps.NeedsOwners)
            {
                tail.Gaps.RecordOwners(await HoldersAsync(connection, transaction, ct).ConfigureAwait(false));
            }

            if (take == 0)
            {
                return [];
            }

            var (runs, nodes, integrated) = Integrate(tail, visible, take);
            await RunStore.WriteAsync(connection, transaction, runs, nodes, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            tail.Gaps.Advance(visible.Ids[take - 1]);
            return integrated;
        }
    }

    private static (List<StoredRun> Runs, List<MerkleNode> Nodes, IntegratedRecord[] Integrated) Integrate(LogTail tail, VisibleRecords visible, int take)
    {
        var runs = new List<StoredRun>();
        var nodes = new List<MerkleNode>();
        var integrated = new IntegratedRecord[take];
        var start = 0;
        for (var i = 0; i < take; i++)
        {
            tail.Tree.Append(visible.Leaf(i).Span, nodes, StoredTree.StoredLevel);
            integrated[i] = new IntegratedRecord(visible.RequestIds[i], tail.Tree.Size, visible.Leaf(i), visible.RecordedAt[i]);
            // A run ends where record ids jump (a dead gap) or the batch ends.
            if (i == take - 1 || visible.Ids[i + 1] != visible.Ids[i] + 1)
            {
                var count = i - start + 1;
                runs.Add(new StoredRun(FirstSequence: tail.Tree.Size - count + 1, Count: count, FirstRecordId: visible.Ids[start], LeafHashes: visible.Leaves(start, count), RootHash: tail.Tree.Root()));
                start = i + 1;
            }
        }

        return (runs, nodes, integrated);
    }

    private static async Task<(HashSet<string>? HoldersBefore, VisibleRecords Visible)> ScanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LogTail tail, int limit, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new("SELECT set_config('synchronous_commit', 'off', true)"));
            var readHolders = tail.Gaps.HasOwners;
            if (readHolders)
            {
                batch.BatchCommands.Add(new(HoldersSql));
            }

            var scan = new NpgsqlBatchCommand(ScanSql);
            scan.Parameters.Add(new() { Value = tail.Gaps.Through });
            scan.Parameters.Add(new() { Value = limit });
            batch.BatchCommands.Add(scan);
            var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                HashSet<string>? holders = null;
                if (readHolders)
                {
                    holders = await ReadHoldersAsync(reader, ct).ConfigureAwait(false);
                    await reader.NextResultAsync(ct).ConfigureAwait(false);
                }

                var visible = new VisibleRecords();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    visible.Add(reader);
                }

                return (holders, visible);
            }
        }
    }

    private static async Task<HashSet<string>> HoldersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(HoldersSql, connection, transaction);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await ReadHoldersAsync(reader, ct).ConfigureAwait(false);
        }
    }

    private static async Task<HashSet<string>> ReadHoldersAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }
}
