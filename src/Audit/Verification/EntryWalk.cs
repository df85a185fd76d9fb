using Governance.Audit.Offline.Merkle;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit.Verification;

/// <summary>
/// Walks the whole log in sequence order: the runs chain from 1, every record sits where its run
/// says, its fields re-encode to bytes whose leaf is both the leaf written with the record and the
/// leaf the sequencer integrated, and each run's root is the root those leaves build (roots are
/// remembered at the sizes checkpoints name).
/// </summary>
internal sealed class EntryWalk
{
    public List<byte[]> Leaves { get; } = [];

    public Dictionary<long, byte[]> Roots { get; } = [];

    public byte[] Root { get; private set; } = MerkleHash.EmptyRoot();

    public long Count => Leaves.Count;

    public long? FirstBad { get; private set; }

    public string? Problem { get; private set; }

    public static async Task<EntryWalk> RunAsync(NpgsqlConnection connection, HashSet<long> sizes, CancellationToken ct)
    {
        var walk = new EntryWalk();
        var runs = await StoredLog.RunsAsync(connection, 1, long.MaxValue, ct).ConfigureAwait(false);
        if (StoredLog.BreakIn(runs) is { } broken)
        {
            return walk.Fail(broken.Sequence, broken.Problem);
        }

        var tree = new CompactMerkleTree();
        await foreach (var position in LogWalk.PositionsAsync(connection, runs, 1, long.MaxValue, ct).ConfigureAwait(false))
        {
            if (position.Problem is not null)
            {
                return walk.Fail(position.Sequence, position.Problem);
            }

            var record = position.Record!;
            var leaf = record.TryCanonical(out var canonical, out var unencodable) ? MerkleHash.Leaf(canonical) : [];
            var problem = unencodable
                ?? (!leaf.AsSpan().SequenceEqual(record.LeafHash) ? "its fields no longer hash to the leaf written with them (changed after it was written)"
                : !position.Run.Leaf(position.Offset).SequenceEqual(leaf) ? "it differs from the leaf the log integrated for it (rewritten)"
                : null);
            if (problem is not null)
            {
                return walk.Fail(position.Sequence, $"entry {position.Sequence}: {problem}");
            }

            tree.Append(leaf);
            walk.Leaves.Add(leaf);
            if (sizes.Contains(tree.Size))
            {
                walk.Roots[tree.Size] = tree.Root();
            }

            if (position.Offset == position.Run.Count - 1 && !tree.Root().AsSpan().SequenceEqual(position.Run.RootHash))
            {
                return walk.Fail(position.Sequence, $"the run ending at entry {position.Sequence} records a root that its entries do not produce");
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
