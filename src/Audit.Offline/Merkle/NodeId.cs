namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// A perfect subtree: level <see cref="Level"/> (0 = a leaf hash) covering the leaves
/// [Index * 2^Level, (Index + 1) * 2^Level). These are the only nodes a store keeps; every
/// other hash a proof needs is combined from them.
/// </summary>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>The first leaf the node covers.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>One past the last leaf the node covers.</summary>
    public long EndLeaf => (Index + 1) << Level;

    public override string ToString() => $"({Level},{Index})";
}

/// <summary>A perfect subtree and its hash.</summary>
public readonly record struct MerkleNode(NodeId Id, byte[] Hash);
