using Governance.Audit.Merkle;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Audit.Sequencing;

/// <summary>Writes completed perfect subtrees and the new tree head (inside the sequencer's transaction).</summary>
internal static class TreeStore
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MerkleNode> nodes,
        long treeSize, byte[] root, long watermark, CancellationToken ct)
    {
        var importer = await connection.BeginBinaryImportAsync(
            "COPY audit_tree_nodes (level, node_index, hash) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var node in nodes)
            {
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync((short)node.Id.Level, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await importer.WriteAsync(node.Id.Index, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await importer.WriteAsync(node.Hash, NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }

        await using var head = new NpgsqlCommand(
            "INSERT INTO audit_tree_heads (tree_size, root_hash, staged_xmin) VALUES ($1, $2, ($3::bigint)::text::xid8)", connection, transaction);
        head.Parameters.Add(new() { Value = treeSize });
        head.Parameters.Add(new() { Value = root });
        head.Parameters.Add(new() { Value = watermark });
        await head.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
