using FsCheck;
using FsCheck.Fluent;
using Governance.Audit.Merkle;

namespace Governance.Audit.Tests.Merkle;

/// <summary>Random trees and leaves: roots equal the RFC recursion, proofs verify, and any flipped bit fails.</summary>
public sealed class MerklePropertyTests
{
    private static readonly Arbitrary<int> Sizes = Gen.Choose(1, 300).ToArbitrary();
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, 1_000_000).ToArbitrary();
    private static readonly Arbitrary<int> Picks = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Fact]
    public void CompactTreeRoot_EqualsTheNaiveMth_AtEverySize() =>
        Prop.ForAll(Sizes, Seeds, (size, seed) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size, seed);
            var tree = new CompactMerkleTree();
            for (var i = 0; i < size; i++)
            {
                tree.Append(leaves[i]);
                if (!tree.Root().SequenceEqual(NaiveMerkle.Root(leaves, 0, i + 1)))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CompletedNodes_HashTheirLeafRange_AndRootFromNodesEqualsTheRoot() =>
        Prop.ForAll(Sizes, Seeds, (size, seed) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size, seed);
            var (tree, nodes) = NaiveMerkle.Build(leaves);
            var rootIds = MerkleProofs.RootNodeIds(size);
            return nodes.All(n => n.Value.SequenceEqual(NaiveMerkle.Root(leaves, (int)n.Key.FirstLeaf, (int)n.Key.EndLeaf)))
                && nodes.Count == (2 * size) - long.PopCount(size)
                && rootIds.All(nodes.ContainsKey)
                && MerkleProofs.RootFromNodes(size, nodes).SequenceEqual(tree.Root());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void FromFrontier_RoundTrips_AndKeepsAppendingLikeTheOriginal() =>
        Prop.ForAll(Sizes, Seeds, Gen.Choose(0, 50).ToArbitrary(), (size, seed, more) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size + more, seed);
            var (original, _) = NaiveMerkle.Build(leaves[..size]);
            var resumed = CompactMerkleTree.FromFrontier(original.Size, original.Frontier);
            var sameNow = resumed.Root().SequenceEqual(original.Root()) && resumed.Frontier.Count == long.PopCount(size);
            foreach (var leaf in leaves[size..])
            {
                resumed.Append(leaf);
            }

            return sameNow && resumed.Root().SequenceEqual(NaiveMerkle.Root(leaves, 0, leaves.Length));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void InclusionProof_ForAnyLeafOfAnyTree_Verifies_AndHasCeilLog2Elements() =>
        Prop.ForAll(Sizes, Seeds, Picks, (size, seed, pick) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size, seed);
            var (tree, nodes) = NaiveMerkle.Build(leaves);
            var index = pick % size;
            var proof = MerkleProofs.BuildInclusion(index, size, nodes);
            var ids = MerkleProofs.InclusionNodeIds(index, size);
            return MerkleProofs.VerifyInclusion(index, size, leaves[index], proof, tree.Root())
                && proof.Count <= CeilLog2(size)
                && ids.All(nodes.ContainsKey);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ConsistencyProof_BetweenAnyTwoSizes_Verifies() =>
        Prop.ForAll(Sizes, Seeds, Picks, (size2, seed, pick) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size2, seed);
            var (tree, nodes) = NaiveMerkle.Build(leaves);
            var size1 = pick % (size2 + 1);
            var proof = MerkleProofs.BuildConsistency(size1, size2, nodes);
            var root1 = NaiveMerkle.Root(leaves, 0, size1);
            return MerkleProofs.VerifyConsistency(size1, size2, root1, tree.Root(), proof)
                && MerkleProofs.ConsistencyNodeIds(size1, size2).All(nodes.ContainsKey)
                && proof.Count <= CeilLog2(size2) + 1;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void InclusionProof_AnyFlippedBitInProofLeafOrRoot_Fails() =>
        Prop.ForAll(Sizes, Seeds, Picks, (size, seed, pick) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size, seed);
            var (tree, nodes) = NaiveMerkle.Build(leaves);
            var index = pick % size;
            var proof = MerkleProofs.BuildInclusion(index, size, nodes).Select(p => p.ToArray()).ToArray();
            var leaf = leaves[index].ToArray();
            var root = tree.Root();
            var buffers = proof.Append(leaf).Append(root).ToArray();
            Flip(buffers, pick / size);
            return !MerkleProofs.VerifyInclusion(index, size, leaf, proof, root);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ConsistencyProof_AnyFlippedBitInProofOrEitherRoot_Fails() =>
        Prop.ForAll(Gen.Choose(2, 300).ToArbitrary(), Seeds, Picks, (size2, seed, pick) =>
        {
            var leaves = NaiveMerkle.LeafHashes(size2, seed);
            var (tree, nodes) = NaiveMerkle.Build(leaves);
            var size1 = 1 + (pick % (size2 - 1));
            var proof = MerkleProofs.BuildConsistency(size1, size2, nodes).Select(p => p.ToArray()).ToArray();
            var root1 = NaiveMerkle.Root(leaves, 0, size1);
            var root2 = tree.Root();
            Flip([.. proof, root1, root2], pick / size2);
            return !MerkleProofs.VerifyConsistency(size1, size2, root1, root2, proof);
        }).QuickCheckThrowOnFailure();

    private static void Flip(byte[][] buffers, int bit)
    {
        var total = buffers.Sum(b => b.Length) * 8;
        var at = bit % total;
        foreach (var buffer in buffers)
        {
            if (at < buffer.Length * 8)
            {
                buffer[at / 8] ^= (byte)(1 << (at % 8));
                return;
            }

            at -= buffer.Length * 8;
        }
    }

    private static int CeilLog2(int n) => n <= 1 ? 0 : 32 - int.LeadingZeroCount(n - 1);
}
