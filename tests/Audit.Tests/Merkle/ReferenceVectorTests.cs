using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Tests.Merkle;

/// <summary>The RFC 6962/9162 reference tree: roots, published proofs, and every corrupted-proof case.</summary>
public sealed class ReferenceVectorTests
{
    private static readonly ReferenceTree Tree = ReferenceTree.Instance;

    [Fact]
    public void CompactTree_OverTheReferenceLeaves_HasThePublishedRootAtEverySize()
    {
        var tree = new CompactMerkleTree();
        Assert.Equal(Tree.EmptyRoot, tree.Root());
        for (var i = 0; i < Tree.Leaves.Length; i++)
        {
            tree.Append(Tree.LeafHash(i));
            Assert.Equal(Convert.ToHexStringLower(Tree.RootOf(i + 1)), Convert.ToHexStringLower(tree.Root()));
        }
    }

    [Fact]
    public void EmptyRoot_IsSha256OfNothing() => Assert.Equal(Tree.EmptyRoot, MerkleHash.EmptyRoot());

    [Fact]
    public void BuildInclusion_FromStoredNodes_ReproducesEveryPublishedProof()
    {
        foreach (var (index, size, proof) in Tree.Inclusion)
        {
            var built = MerkleProofs.BuildInclusion(index, size, NodesOf(size));
            Assert.Equal(proof.Select(Convert.ToHexStringLower), built.Select(Convert.ToHexStringLower));
        }
    }

    [Fact]
    public void BuildConsistency_FromStoredNodes_ReproducesEveryPublishedProof()
    {
        foreach (var (size1, size2, proof) in Tree.Consistency)
        {
            var built = MerkleProofs.BuildConsistency(size1, size2, NodesOf(size2));
            Assert.Equal(proof.Select(Convert.ToHexStringLower), built.Select(Convert.ToHexStringLower));
        }
    }

    [Fact]
    public void VerifyInclusion_AcceptsEveryPublishedProof_AndRejectsEveryCorruption()
    {
        foreach (var (index, size, proof) in Tree.Inclusion)
        {
            var root = Tree.RootOf(size);
            var leaf = Tree.LeafHash(index);
            Assert.True(MerkleProofs.VerifyInclusion(index, size, leaf, proof, root), $"published proof {index}/{size}");
            foreach (var probe in ProofProbes.CorruptInclusion(index, size, proof, root, leaf, Tree))
            {
                Assert.False(MerkleProofs.VerifyInclusion(probe.LeafIndex, probe.TreeSize, probe.LeafHash, probe.Proof, probe.Root),
                    $"{index}/{size}: {probe.Desc} verified");
            }
        }
    }

    [Fact]
    public void VerifyConsistency_AcceptsEveryPublishedProof_AndRejectsEveryCorruption()
    {
        foreach (var (size1, size2, proof) in Tree.Consistency)
        {
            var root1 = Tree.RootOf(size1);
            var root2 = Tree.RootOf(size2);
            Assert.True(MerkleProofs.VerifyConsistency(size1, size2, root1, root2, proof), $"published proof {size1}->{size2}");
            if (proof.Length == 0)
            {
                continue;
            }

            foreach (var probe in ProofProbes.CorruptConsistency(size1, size2, root1, root2, proof))
            {
                Assert.False(MerkleProofs.VerifyConsistency(probe.Size1, probe.Size2, probe.Root1, probe.Root2, probe.Proof),
                    $"{size1}->{size2}: {probe.Desc} verified");
            }
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void VerifyInclusion_OutOfRangeIndexOrWrongLengths_Fails(long index, long size)
    {
        Assert.False(MerkleProofs.VerifyInclusion(index, size, Tree.SomeHash, [], []));
        Assert.False(MerkleProofs.VerifyInclusion(index, size, [], [], Tree.EmptyRoot));
        Assert.False(MerkleProofs.VerifyInclusion(index, size, Tree.SomeHash, [], Tree.EmptyRoot));
    }

    [Fact]
    public void VerifyInclusion_SingleLeafTree_NeedsTheLeafAsRootAndAnEmptyProof()
    {
        var hash = MerkleHash.Leaf("data"u8);
        Assert.True(MerkleProofs.VerifyInclusion(0, 1, hash, [], hash));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, [], [], hash));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, hash, [], []));
        Assert.False(MerkleProofs.VerifyInclusion(0, 1, hash, [hash], hash));
    }

    [Fact]
    public void VerifyConsistency_EdgeCases_FollowTheReferenceTable()
    {
        var a = Tree.SomeHash;
        var b = Tree.RootOf(1);
        var empty = Tree.EmptyRoot;
        Assert.True(MerkleProofs.VerifyConsistency(0, 0, empty, empty, []));
        Assert.True(MerkleProofs.VerifyConsistency(1, 1, b, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 1, a, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 0, a, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(2, 1, a, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(1, 2, a, b, []));
        Assert.False(MerkleProofs.VerifyConsistency(0, 0, empty, empty, [empty]));
        Assert.False(MerkleProofs.VerifyConsistency(0, 1, empty, empty, [empty]));
        Assert.False(MerkleProofs.VerifyConsistency(1, 1, empty, empty, [empty]));
    }

    [Fact]
    public void VerifyConsistency_FromTheEmptyTree_HoldsOnlyForTheEmptyRoot()
    {
        // Stricter than the Go reference, which accepts any root1 at size 0: a wrong root1 is still a false claim.
        Assert.True(MerkleProofs.VerifyConsistency(0, 5, Tree.EmptyRoot, Tree.RootOf(5), []));
        Assert.False(MerkleProofs.VerifyConsistency(0, 5, Tree.SomeHash, Tree.RootOf(5), []));
    }

    private static Dictionary<NodeId, byte[]> NodesOf(long size)
    {
        var nodes = new List<MerkleNode>();
        var tree = new CompactMerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.Append(Tree.LeafHash(i), nodes);
        }

        return nodes.ToDictionary(n => n.Id, n => n.Hash);
    }
}
