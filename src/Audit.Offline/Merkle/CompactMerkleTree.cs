namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// The right border of an append-only RFC 9162 tree: one perfect-subtree hash per set bit of
/// <see cref="Size"/>. O(log n) state, and appending allocates nothing unless the caller asks for
/// the completed nodes, so a verifier can stream millions of leaves and a sequencer can persist
/// exactly the nodes that became final.
/// </summary>
public sealed class CompactMerkleTree
{
    private const int MaxLevels = 63;

    // Indexed by level; a slot is meaningful only while bit `level` of Size is set.
    private readonly byte[]?[] _levels = new byte[MaxLevels][];

    public long Size { get; private set; }

    /// <summary>The perfect-subtree roots for the set bits of <see cref="Size"/>, highest level first.</summary>
    public IReadOnlyList<byte[]> Frontier
    {
        get
        {
            var frontier = new List<byte[]>((int)long.PopCount(Size));
            for (var level = MaxLevels - 1; level >= 0; level--)
            {
                if (HasLevel(level))
                {
                    frontier.Add(_levels[level]!.ToArray());
                }
            }

            return frontier;
        }
    }

    /// <summary>Resumes a tree from its size and <see cref="Frontier"/>.</summary>
    public static CompactMerkleTree FromFrontier(long size, IReadOnlyList<byte[]> frontier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(frontier);
        if (frontier.Count != long.PopCount(size))
        {
            throw new ArgumentException($"A tree of size {size} has {long.PopCount(size)} frontier hashes, not {frontier.Count}.", nameof(frontier));
        }

        var tree = new CompactMerkleTree { Size = size };
        var next = 0;
        for (var level = MaxLevels - 1; level >= 0; level--)
        {
            if (tree.HasLevel(level))
            {
                var hash = frontier[next++];
                if (hash is not { Length: MerkleHash.Size })
                {
                    throw new ArgumentException($"Frontier hashes are {MerkleHash.Size} bytes.", nameof(frontier));
                }

                tree._levels[level] = hash.ToArray();
            }
        }

        return tree;
    }

    /// <summary>
    /// Appends one leaf hash. <paramref name="completed"/>, when given, receives every perfect node
    /// this append completed from level <paramref name="fromLevel"/> up (level 0 is the leaf
    /// itself), lowest first; lower ones are not even copied.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, ICollection<MerkleNode>? completed = null, int fromLevel = 0)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes.", nameof(leafHash));
        }

        if (Size == long.MaxValue >> 1)
        {
            throw new InvalidOperationException("The tree is full.");
        }

        Span<byte> carry = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(carry);
        var index = Size;
        if (fromLevel == 0)
        {
            completed?.Add(new MerkleNode(new NodeId(0, index), carry.ToArray()));
        }

        var level = 0;
        while (HasLevel(level))
        {
            MerkleHash.Node(_levels[level], carry, carry);
            level++;
            index >>= 1;
            if (level >= fromLevel)
            {
                completed?.Add(new MerkleNode(new NodeId(level, index), carry.ToArray()));
            }
        }

        var slot = _levels[level] ??= new byte[MerkleHash.Size];
        carry.CopyTo(slot);
        Size++;
    }

    /// <summary>RFC 9162 MTH of the current size: the frontier folded from the lowest level up.</summary>
    public byte[] Root()
    {
        var root = new byte[MerkleHash.Size];
        Root(root);
        return root;
    }

    /// <summary>Writes the root into <paramref name="destination"/> (32 bytes) without allocating.</summary>
    public void Root(Span<byte> destination)
    {
        if (Size == 0)
        {
            MerkleHash.EmptyRoot().CopyTo(destination);
            return;
        }

        var started = false;
        for (var level = 0; level < MaxLevels; level++)
        {
            if (!HasLevel(level))
            {
                continue;
            }

            if (started)
            {
                MerkleHash.Node(_levels[level], destination, destination);
            }
            else
            {
                _levels[level].CopyTo(destination);
                started = true;
            }
        }
    }

    private bool HasLevel(int level) => ((Size >> level) & 1) == 1;
}
