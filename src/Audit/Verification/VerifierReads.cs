using Npgsql;

namespace Governance.Audit.Verification;

/// <summary>The verifier's reads of the checkpoints and the tree nodes (inside its snapshot).</summary>
internal static class VerifierReads
{
    public static async Task<List<StoredCheckpoint>> CheckpointsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var list = new List<StoredCheckpoint>();
        await using var command = new NpgsqlCommand("SELECT tree_size, root_hash, note FROM audit_checkpoints ORDER BY tree_size", connection);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                list.Add(new StoredCheckpoint(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2)));
            }
        }

        return list;
    }

    public static async Task<bool> FeedNodesAsync(NpgsqlConnection connection, TreeNodeCheck check, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT level, node_index, hash FROM audit_tree_nodes ORDER BY level, node_index", connection);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (!check.Feed(reader.GetInt16(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
