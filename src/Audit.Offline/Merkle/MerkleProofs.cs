namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// Inclusion and consistency proofs (RFC 9162 §2.1.3 and §2.1.4) built from stored perfect-subtree
/// nodes. A storage layer asks for the node ids first, fetches them in one query, then builds.
/// A proof element over a non-perfect right-border range is combined here from its perfect parts,
/// so the ids list every perfect node needed, not only the elements.
/// </summary>
public static partial class MerkleProofs
{
    public static IReadOnlyList<NodeId> InclusionNodeIds(long leafIndex, long treeSize)
    {
        CheckLeaf(leafIndex, treeSize);
        return NodeIdsOf(MerkleRanges.Inclusion(leafIndex, treeSize));
    }

    public static IReadOnlyList<byte[]> BuildInclusion(long leafIndex, long treeSize, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        CheckLeaf(leafIndex, treeSize);
        ArgumentNullException.ThrowIfNull(nodes);
        return HashesOf(MerkleRanges.Inclusion(leafIndex, treeSize), nodes);
    }

    /// <summary>The nodes a consistency proof needs; none when size1 is 0 or equals size2 (the proof is empty).</summary>
    public static IReadOnlyList<NodeId> ConsistencyNodeIds(long size1, long size2)
    {
        CheckSizes(size1, size2);
        return size1 == 0 || size1 == size2 ? [] : NodeIdsOf(MerkleRanges.Consistency(size1, size2));
    }

    public static IReadOnlyList<byte[]> BuildConsistency(long size1, long size2, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        CheckSizes(size1, size2);
        ArgumentNullException.ThrowIfNull(nodes);
        return size1 == 0 || size1 == size2 ? [] : HashesOf(MerkleRanges.Consistency(size1, size2), nodes);
    }

    /// <summary>The perfect subtrees whose fold is the root of a tree of this size (the set bits of the size).</summary>
    public static IReadOnlyList<NodeId> RootNodeIds(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        var ids = new List<NodeId>(64);
        MerkleRanges.AddNodeIds(0, treeSize, ids);
        return ids;
    }

    public static byte[] RootFromNodes(long treeSize, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentNullException.ThrowIfNull(nodes);
        return treeSize == 0 ? MerkleHash.EmptyRoot() : MerkleRanges.Hash(0, treeSize, nodes);
    }

    private static List<NodeId> NodeIdsOf(List<(long Start, long End)> ranges)
    {
        var ids = new List<NodeId>(ranges.Count * 2);
        foreach (var (start, end) in ranges)
        {
            MerkleRanges.AddNodeIds(start, end, ids);
        }

        return ids;
    }

    private static List<byte[]> HashesOf(List<(long Start, long End)> ranges, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        var proof = new List<byte[]>(ranges.Count);
        foreach (var (start, end) in ranges)
        {
            proof.Add(MerkleRanges.Hash(start, end, nodes));
        }

        return proof;
    }

    private static void CheckLeaf(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
    }

    private static void CheckSizes(long size1, long size2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
    }
}
