using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// What the leader keeps in memory between batches: the tree frontier, the chain head and its low
/// watermark. Rebuilt from the database whenever leadership starts or a batch fails, so it is
/// never trusted beyond one transaction's outcome.
/// </summary>
internal sealed class LogTail
{
    private LogTail(CompactMerkleTree tree, byte[] lastEntryHash, long watermark)
    {
        Tree = tree;
        LastEntryHash = lastEntryHash;
        Watermark = watermark;
    }

    public CompactMerkleTree Tree { get; }

    public long Size => Tree.Size;

    public byte[] LastEntryHash { get; set; }

    /// <summary>Every staged row of a transaction older than this xid is integrated or was rolled back.</summary>
    public long Watermark { get; set; }

    public static async Task<LogTail> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        long size = 0;
        long watermark = 0;
        await using (var head = new NpgsqlCommand(
            "SELECT tree_size, staged_xmin::text::bigint FROM audit_tree_heads ORDER BY tree_size DESC LIMIT 1", connection))
        {
            var reader = await head.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    size = reader.GetInt64(0);
                    watermark = reader.GetInt64(1);
                }
            }
        }

        var tree = size == 0 ? new CompactMerkleTree() : CompactMerkleTree.FromFrontier(size, await LoadFrontierAsync(connection, size, ct).ConfigureAwait(false));
        var lastHash = AuditEntryEncoding.GenesisHash.ToArray();
        if (size > 0)
        {
            await using var last = new NpgsqlCommand("SELECT entry_hash FROM audit_entries WHERE sequence = $1", connection);
            last.Parameters.Add(new() { Value = size });
            lastHash = (byte[])(await last.ExecuteScalarAsync(ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The tree head covers entry {size}, which is missing."));
        }

        return new LogTail(tree, lastHash, watermark);
    }

    private static async Task<List<byte[]>> LoadFrontierAsync(NpgsqlConnection connection, long size, CancellationToken ct)
    {
        var ids = MerkleProofs.RootNodeIds(size);
        var levels = ids.Select(id => (short)id.Level).ToArray();
        var indexes = ids.Select(id => id.Index).ToArray();
        var found = new Dictionary<NodeId, byte[]>();
        await using var command = new NpgsqlCommand(
            "SELECT n.level, n.node_index, n.hash FROM unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) JOIN audit_tree_nodes n USING (level, node_index)",
            connection);
        command.Parameters.Add(new() { Value = levels });
        command.Parameters.Add(new() { Value = indexes });
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found[new NodeId(reader.GetInt16(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
            }
        }

        return [.. ids.Select(id => found.TryGetValue(id, out var hash) ? hash
            : throw new InvalidOperationException($"Tree node {id} of the frontier at size {size} is missing."))];
    }
}
