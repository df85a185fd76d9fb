using System.Text;

namespace Governance.Audit.Tests.Merkle;

/// <summary>
/// The corrupted-proof cases transparency-dev/merkle checks (proof/verify_test.go,
/// corruptInclusionProof and corruptConsistencyProof), rebuilt here: every one must fail.
/// </summary>
internal static class ProofProbes
{
    public sealed record Inclusion(string Desc, long LeafIndex, long TreeSize, byte[] Root, byte[] LeafHash, byte[][] Proof);

    public sealed record Consistency(string Desc, long Size1, long Size2, byte[] Root1, byte[] Root2, byte[][] Proof);

    private static readonly byte[] WrongData = Encoding.ASCII.GetBytes("WrongLeaf");

    public static IEnumerable<Inclusion> CorruptInclusion(long index, long size, byte[][] proof, byte[] root, byte[] leaf, ReferenceTree tree)
    {
        yield return new("leafIndex - 1", index - 1, size, root, leaf, proof);
        yield return new("leafIndex + 1", index + 1, size, root, leaf, proof);
        yield return new("leafIndex ^ 2", index ^ 2, size, root, leaf, proof);
        yield return new("treeSize * 2", index, size * 2, root, leaf, proof);
        yield return new("treeSize / 2", index, size / 2, root, leaf, proof);
        yield return new("wrong leaf", index, size, root, WrongData, proof);
        yield return new("wrong leaf hash", index, size, root, Governance.Audit.Offline.Merkle.MerkleHash.Leaf(WrongData), proof);
        yield return new("empty root", index, size, tree.EmptyRoot, leaf, proof);
        yield return new("random root", index, size, tree.SomeHash, leaf, proof);
        yield return new("trailing garbage", index, size, root, leaf, [.. proof, []]);
        yield return new("trailing root", index, size, root, leaf, [.. proof, root]);
        yield return new("preceding garbage", index, size, root, leaf, [[], .. proof]);
        yield return new("preceding root", index, size, root, leaf, [root, .. proof]);
        for (var i = 0; i < proof.Length; i++)
        {
            yield return new($"modified proof[{i}] bit 3", index, size, root, leaf, FlipFirstByte(proof, i, 8));
        }

        if (proof.Length > 0)
        {
            yield return new("removed component", index, size, root, leaf, proof[..^1]);
        }

        if (proof.Length > 1)
        {
            yield return new("inserted component", index, size, root, leaf, [proof[0], tree.SomeHash, .. proof[1..]]);
        }
    }

    public static IEnumerable<Consistency> CorruptConsistency(long size1, long size2, byte[] root1, byte[] root2, byte[][] proof)
    {
        var wrongRoot = Encoding.ASCII.GetBytes("WrongRoot");
        yield return new("size1 - 1", size1 - 1, size2, root1, root2, proof);
        yield return new("size1 + 1", size1 + 1, size2, root1, root2, proof);
        yield return new("size1 ^ 2", size1 ^ 2, size2, root1, root2, proof);
        yield return new("size2 * 2", size1, size2 * 2, root1, root2, proof);
        yield return new("size2 / 2", size1, size2 / 2, root1, root2, proof);
        yield return new("wrong root1", size1, size2, wrongRoot, root2, proof);
        yield return new("wrong root2", size1, size2, root1, wrongRoot, proof);
        yield return new("swapped roots", size1, size2, root2, root1, proof);
        yield return new("empty proof", size1, size2, root1, root2, []);
        yield return new("trailing garbage", size1, size2, root1, root2, [.. proof, []]);
        yield return new("trailing root1", size1, size2, root1, root2, [.. proof, root1]);
        yield return new("trailing root2", size1, size2, root1, root2, [.. proof, root2]);
        yield return new("preceding garbage", size1, size2, root1, root2, [[], .. proof]);
        yield return new("preceding root1", size1, size2, root1, root2, [root1, .. proof]);
        yield return new("preceding root2", size1, size2, root1, root2, [root2, .. proof]);
        yield return new("preceding proof[0]", size1, size2, root1, root2, [proof[0], .. proof]);
        yield return new("truncated proof", size1, size2, root1, root2, proof[..^1]);
        for (var i = 0; i < proof.Length; i++)
        {
            yield return new($"modified proof[{i}] bit 4", size1, size2, root1, root2, FlipFirstByte(proof, i, 16));
        }
    }

    private static byte[][] FlipFirstByte(byte[][] proof, int element, byte mask)
    {
        var copy = proof.Select(p => p.ToArray()).ToArray();
        copy[element][0] ^= mask;
        return copy;
    }
}
