using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// What the leader keeps in memory between batches: the tree frontier and how far the log has come
/// in record order. Rebuilt from the database whenever leadership starts or a batch fails, so it is
/// never trusted beyond one transaction's outcome.
/// </summary>
internal sealed class LogTail
{
    private LogTail(CompactMerkleTree tree, long through)
    {
        Tree = tree;
        Through = through;
    }

    public CompactMerkleTree Tree { get; }

    public long Size => Tree.Size;

    /// <summary>The last record id in the log: every id up to it is in the log or was never committed (ADR-029).</summary>
    public long Through { get; set; }

    public static async Task<LogTail> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        long size = 0;
        long through = 0;
        await using (var last = new NpgsqlCommand(
            "SELECT first_sequence + entry_count - 1, first_record_id + entry_count - 1 FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1", connection))
        {
            var reader = await last.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    size = reader.GetInt64(0);
                    through = reader.GetInt64(1);
                }
            }
        }

        if (size == 0)
        {
            return new LogTail(new CompactMerkleTree(), through);
        }

        var ids = MerkleProofs.RootNodeIds(size);
        var nodes = await StoredTree.NodesAsync(connection, ids, ct).ConfigureAwait(false);
        return new LogTail(CompactMerkleTree.FromFrontier(size, [.. ids.Select(id => nodes[id])]), through);
    }
}
