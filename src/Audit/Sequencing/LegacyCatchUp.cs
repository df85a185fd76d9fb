using Governance.Audit.Merkle;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// Entries written before the Merkle log (migrations 0001-0003) have no tree nodes yet. The first
/// leader after the upgrade adds them to the tree, in sequence order, before any staged entry.
/// </summary>
internal static class LegacyCatchUp
{
    private const int Chunk = 10_000;

    /// <summary>Returns true when it integrated something (the caller then reloads the tail).</summary>
    public static async Task<bool> RunAsync(NpgsqlConnection connection, LogTail tail, CancellationToken ct)
    {
        await using var max = new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM audit_entries", connection);
        var last = (long)(await max.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        if (last <= tail.Size)
        {
            return false;
        }

        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var nodes = new List<MerkleNode>();
            await using var rows = new NpgsqlCommand(
                "SELECT sequence, canonical, entry_hash FROM audit_entries WHERE sequence > $1 ORDER BY sequence LIMIT $2", connection, transaction);
            rows.Parameters.Add(new() { Value = tail.Size });
            rows.Parameters.Add(new() { Value = Chunk });
            var reader = await rows.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (reader.GetInt64(0) != tail.Size + 1)
                    {
                        throw new InvalidOperationException($"Legacy entry {tail.Size + 1} is missing; the log cannot be integrated.");
                    }

                    tail.Tree.Append(MerkleHash.Leaf(reader.GetFieldValue<byte[]>(1)), nodes);
                    tail.LastEntryHash = reader.GetFieldValue<byte[]>(2);
                }
            }

            await TreeStore.WriteAsync(connection, transaction, nodes, tail.Size, tail.Tree.Root(), tail.Watermark, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }
}
