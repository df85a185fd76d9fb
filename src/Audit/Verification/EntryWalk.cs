using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Verification;

/// <summary>
/// Streams the entries in sequence order: fields re-encode to the stored canonical bytes, the hash
/// chain holds, each entry matches the staged row it came from, and the leaves build the tree
/// (roots remembered at the sizes that checkpoints and tree heads name).
/// </summary>
internal sealed class EntryWalk
{
    private static readonly string Sql = AuditRows.SelectColumns.Replace(
        "FROM audit_entries",
        ", staged_id, (SELECT s.canonical FROM audit_staged s WHERE s.staged_id = audit_entries.staged_id), n.hash FROM audit_entries "
        + "LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.node_index = audit_entries.sequence - 1 ORDER BY sequence",
        StringComparison.Ordinal);

    public List<byte[]> Leaves { get; } = [];

    public Dictionary<long, byte[]> Roots { get; } = [];

    public byte[] Root { get; private set; } = MerkleHash.EmptyRoot();

    public long Count => Leaves.Count;

    public long? FirstBad { get; private set; }

    public string? Problem { get; private set; }

    public static async Task<EntryWalk> RunAsync(NpgsqlConnection connection, HashSet<long> sizes, CancellationToken ct)
    {
        var walk = new EntryWalk();
        var chain = new ChainWalker();
        var tree = new CompactMerkleTree();
        var legacy = true;
        await using var command = new NpgsqlCommand(Sql, connection);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                StoredAuditEntry row;
                try
                {
                    row = AuditRows.Read(reader);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException)
                {
                    return walk.Fail(Math.Min(reader.GetInt64(0), walk.Count + 1), "row is not a valid entry: " + ex.Message);
                }

                // Before the chain: a consistent rewrite of one entry breaks the chain only at the next one,
                // but its bytes no longer hash to the leaf the tree stored for it.
                var leaf = MerkleHash.Leaf(row.Canonical);
                if (row.Sequence == walk.Count + 1 && !reader.IsDBNull(26) && !leaf.AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(26)))
                {
                    return walk.Fail(row.Sequence, "entry bytes do not hash to the leaf the tree stores for it (entry rewritten)");
                }

                if (!chain.Check(row.Sequence, row.Entry, row.Canonical, row.EntryHash, row.PreviousHash))
                {
                    return walk.Fail(chain.FirstBadSequence!.Value, chain.Problem!);
                }

                var staged = reader.IsDBNull(25) ? null : reader.GetFieldValue<byte[]>(25);
                legacy &= reader.IsDBNull(24);
                if (!legacy && (staged is null || !staged.AsSpan().SequenceEqual(row.Canonical)))
                {
                    return walk.Fail(row.Sequence, staged is null
                        ? "entry has no staged original: it was not written through the log (forged)"
                        : "entry differs from the staged row it was integrated from");
                }

                tree.Append(leaf);
                walk.Leaves.Add(leaf);
                if (sizes.Contains(tree.Size))
                {
                    walk.Roots[tree.Size] = tree.Root();
                }
            }
        }

        walk.Root = tree.Root();
        return walk;
    }

    private EntryWalk Fail(long sequence, string problem)
    {
        FirstBad = sequence;
        Problem = problem;
        return this;
    }
}
