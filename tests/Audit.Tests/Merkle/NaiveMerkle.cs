using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Tests.Merkle;

/// <summary>RFC 9162 §2.1.1 MTH written as the RFC's recursion, the oracle for the properties.</summary>
internal static class NaiveMerkle
{
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, int start, int end)
    {
        var n = end - start;
        if (n == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        if (n == 1)
        {
            return leafHashes[start];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return MerkleHash.Node(Root(leafHashes, start, start + k), Root(leafHashes, start + k, end));
    }

    public static byte[][] LeafHashes(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => MerkleHash.Leaf(BitConverter.GetBytes((seed * 7919L) + i)))];

    public static (CompactMerkleTree Tree, Dictionary<NodeId, byte[]> Nodes) Build(IReadOnlyList<byte[]> leafHashes)
    {
        var tree = new CompactMerkleTree();
        var nodes = new List<MerkleNode>();
        foreach (var leaf in leafHashes)
        {
            tree.Append(leaf, nodes);
        }

        return (tree, nodes.ToDictionary(n => n.Id, n => n.Hash));
    }
}
