using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit;

/// <summary>Builds inclusion and consistency proofs from the stored tree (nodes of 256+ leaves, smaller ones from the runs).</summary>
public sealed class ProofReader(NpgsqlDataSource dataSource)
{
    /// <summary>The size of the integrated tree (0 when empty).</summary>
    public async Task<long> TreeSizeAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce((SELECT first_sequence + entry_count - 1 FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1), 0)");
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>Audit path of entry <paramref name="sequence"/> (leaf sequence - 1) in the tree of the given size.</summary>
    public async Task<IReadOnlyList<byte[]>> InclusionAsync(long sequence, long treeSize, CancellationToken ct) =>
        MerkleProofs.BuildInclusion(sequence - 1, treeSize, await NodesAsync(MerkleProofs.InclusionNodeIds(sequence - 1, treeSize), ct).ConfigureAwait(false));

    public async Task<IReadOnlyList<byte[]>> ConsistencyAsync(long first, long second, CancellationToken ct) =>
        MerkleProofs.BuildConsistency(first, second, await NodesAsync(MerkleProofs.ConsistencyNodeIds(first, second), ct).ConfigureAwait(false));

    /// <summary>The frontier of the tree of the given size (its perfect subtrees, highest first).</summary>
    public async Task<IReadOnlyList<byte[]>> FrontierAsync(long treeSize, CancellationToken ct)
    {
        var ids = MerkleProofs.RootNodeIds(treeSize);
        var nodes = await NodesAsync(ids, ct).ConfigureAwait(false);
        return [.. ids.Select(id => nodes[id])];
    }

    public async Task<byte[]> LeafHashAsync(long sequence, CancellationToken ct)
    {
        var nodes = await NodesAsync([new NodeId(0, sequence - 1)], ct).ConfigureAwait(false);
        return nodes.Values.Single();
    }

    private async Task<Dictionary<NodeId, byte[]>> NodesAsync(IReadOnlyList<NodeId> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await StoredTree.NodesAsync(connection, ids, ct).ConfigureAwait(false);
        }
    }
}
