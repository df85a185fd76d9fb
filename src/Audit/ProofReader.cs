using Governance.Audit.Merkle;
using Npgsql;

namespace Governance.Audit;

/// <summary>Builds inclusion and consistency proofs from the stored perfect subtrees (one query each).</summary>
public sealed class ProofReader(NpgsqlDataSource dataSource)
{
    /// <summary>The size of the integrated tree (0 when empty).</summary>
    public async Task<long> TreeSizeAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(tree_size), 0) FROM audit_tree_heads");
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
        var found = new Dictionary<NodeId, byte[]>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT n.level, n.node_index, n.hash FROM unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) JOIN audit_tree_nodes n USING (level, node_index)");
        command.Parameters.Add(new() { Value = ids.Select(id => (short)id.Level).ToArray() });
        command.Parameters.Add(new() { Value = ids.Select(id => id.Index).ToArray() });
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found[new NodeId(reader.GetInt16(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
            }
        }

        if (found.Count != ids.Count)
        {
            throw new InvalidOperationException("Tree nodes needed for the proof are missing; run the verifier.");
        }

        return found;
    }
}
