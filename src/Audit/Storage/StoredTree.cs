using Governance.Audit.Offline.Merkle;
using Npgsql;

namespace Governance.Audit.Storage;

/// <summary>
/// Perfect subtrees of the stored log (ADR-010): those of 256 leaves and more are rows of
/// audit_tree_nodes; smaller ones, leaves included, are folded from the leaf hashes the runs in
/// audit_log_runs hold (at most 128 leaves, one small range read per 256-leaf block).
/// </summary>
internal static class StoredTree
{
    /// <summary>The lowest level stored as a node: subtrees of 2^8 = 256 leaves.</summary>
    public const int StoredLevel = 8;

    private const string NodesSql =
        "SELECT n.level, n.node_index, n.hash FROM unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) JOIN audit_tree_nodes n USING (level, node_index)";

    /// <summary>The hashes of the given perfect subtrees; throws when the store lacks one (the verifier says why).</summary>
    public static async Task<Dictionary<NodeId, byte[]>> NodesAsync(NpgsqlConnection connection, IReadOnlyCollection<NodeId> ids, CancellationToken ct)
    {
        var found = new Dictionary<NodeId, byte[]>(ids.Count);
        var stored = ids.Where(id => id.Level >= StoredLevel).Distinct().ToArray();
        if (stored.Length > 0)
        {
            await using var command = new NpgsqlCommand(NodesSql, connection);
            command.Parameters.Add(new() { Value = stored.Select(id => (short)id.Level).ToArray() });
            command.Parameters.Add(new() { Value = stored.Select(id => id.Index).ToArray() });
            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    found[new NodeId(reader.GetInt16(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
                }
            }
        }

        foreach (var block in ids.Where(id => id.Level < StoredLevel).GroupBy(id => id.FirstLeaf >> StoredLevel))
        {
            var first = block.Min(id => id.FirstLeaf);
            var leaves = await LeavesAsync(connection, first, block.Max(id => id.EndLeaf), ct).ConfigureAwait(false);
            foreach (var id in block)
            {
                var offset = (int)(id.FirstLeaf - first) * MerkleHash.Size;
                var length = (int)(id.EndLeaf - id.FirstLeaf) * MerkleHash.Size;
                if (offset + length <= leaves.Length)
                {
                    found[id] = MerkleHash.Perfect(leaves.AsSpan(offset, length));
                }
            }
        }

        foreach (var id in ids)
        {
            if (!found.ContainsKey(id))
            {
                throw new InvalidOperationException($"Tree node {id} is missing from the store; run the verifier.");
            }
        }

        return found;
    }

    /// <summary>The leaf hashes of leaves [first, end), packed; shorter when the log or a run is missing.</summary>
    public static async Task<byte[]> LeavesAsync(NpgsqlConnection connection, long first, long end, CancellationToken ct)
    {
        var packed = new byte[(end - first) * MerkleHash.Size];
        var filled = 0L;
        // Leaf i is sequence i + 1.
        foreach (var run in await StoredLog.RunsAsync(connection, first + 1, end, ct).ConfigureAwait(false))
        {
            var next = first + filled;
            if (run.FirstSequence - 1 > next)
            {
                break; // a run is missing: stop at the hole
            }

            var from = (int)(next - (run.FirstSequence - 1));
            var count = (int)Math.Min(run.Count - from, (end - first) - filled);
            if (count > 0)
            {
                run.LeafHashes.AsSpan(from * MerkleHash.Size, count * MerkleHash.Size).CopyTo(packed.AsSpan((int)(filled * MerkleHash.Size)));
                filled += count;
            }
        }

        return filled * MerkleHash.Size == packed.Length ? packed : packed.AsSpan(0, (int)(filled * MerkleHash.Size)).ToArray();
    }
}
