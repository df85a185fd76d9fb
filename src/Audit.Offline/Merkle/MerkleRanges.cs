namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// Leaf ranges [Start, End) whose RFC 9162 MTH a proof holds, and how each splits into perfect
/// subtrees. Every range the RFC's recursions produce starts on a boundary aligned to its largest
/// perfect part, so the split is simply the set bits of its length, highest first.
/// </summary>
internal static class MerkleRanges
{
    public static void AddNodeIds(long start, long end, List<NodeId> ids)
    {
        var position = start;
        for (var level = 62; level >= 0; level--)
        {
            var width = 1L << level;
            if (((end - start) & width) != 0)
            {
                ids.Add(new NodeId(level, position >> level));
                position += width;
            }
        }
    }

    /// <summary>MTH of the range: its perfect parts folded from the right, as RFC 9162 §2.1.1 nests them.</summary>
    public static byte[] Hash(long start, long end, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        var ids = new List<NodeId>(8);
        AddNodeIds(start, end, ids);
        var acc = Lookup(nodes, ids[^1]).ToArray();
        for (var i = ids.Count - 2; i >= 0; i--)
        {
            MerkleHash.Node(Lookup(nodes, ids[i]), acc, acc);
        }

        return acc;
    }

    /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[n]), as ranges, leaf side first.</summary>
    public static List<(long Start, long End)> Inclusion(long leafIndex, long treeSize)
    {
        var ranges = new List<(long, long)>(64);
        long offset = 0, m = leafIndex, n = treeSize;
        while (n > 1)
        {
            var k = LargestPowerOfTwoBelow(n);
            if (m < k)
            {
                ranges.Add((offset + k, offset + n));
                n = k;
            }
            else
            {
                ranges.Add((offset, offset + k));
                offset += k;
                m -= k;
                n -= k;
            }
        }

        ranges.Reverse();
        return ranges;
    }

    /// <summary>RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges; requires 0 &lt; m &lt; n.</summary>
    public static List<(long Start, long End)> Consistency(long size1, long size2)
    {
        var ranges = new List<(long, long)>(64);
        long offset = 0, m = size1, n = size2;
        var wholeTree = true;
        while (m != n)
        {
            var k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                ranges.Add((offset + k, offset + n));
                n = k;
            }
            else
            {
                ranges.Add((offset, offset + k));
                offset += k;
                m -= k;
                n -= k;
                wholeTree = false;
            }
        }

        if (!wholeTree)
        {
            ranges.Add((offset, offset + n));
        }

        ranges.Reverse();
        return ranges;
    }

    public static long LargestPowerOfTwoBelow(long n) => 1L << (int)(63 - long.LeadingZeroCount(n - 1));

    private static byte[] Lookup(IReadOnlyDictionary<NodeId, byte[]> nodes, NodeId id) =>
        nodes.TryGetValue(id, out var hash) && hash.Length == MerkleHash.Size
            ? hash
            : throw new ArgumentException($"The node {id} is missing or not a {MerkleHash.Size}-byte hash.", nameof(nodes));
}
