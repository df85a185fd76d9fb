namespace Governance.Audit.Offline.Merkle;

/// <summary>
/// Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 write it. Never throws on bad
/// input: a wrong size, index, hash length or proof length is simply a proof that does not verify.
/// </summary>
public static partial class MerkleProofs
{
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash.Length != MerkleHash.Size || rootHash.Length != MerkleHash.Size)
        {
            return false;
        }

        long fn = leafIndex, sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0 || p is not { Length: MerkleHash.Size })
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.SequenceEqual(rootHash);
    }

    /// <summary>
    /// Size1 = size2 needs an empty proof and equal roots. Size1 = 0 needs an empty proof and root1
    /// equal to the empty-tree hash: every tree extends the empty one, but a wrong root1 is still a lie.
    /// </summary>
    public static bool VerifyConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 < 0 || size2 < size1 || root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size)
        {
            return false;
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && root1.SequenceEqual(root2);
        }

        if (size1 == 0)
        {
            return proof.Count == 0 && root1.SequenceEqual(MerkleHash.EmptyRoot());
        }

        return proof.Count > 0 && VerifyConsistencyPath(size1, size2, root1, root2, proof);
    }

    private static bool VerifyConsistencyPath(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        // Step 2: when size1 is a power of two its root is the first element of the path.
        var first = long.IsPow2(size1);
        long fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        var start = first ? 0 : 1;
        var seed = first ? root1 : proof[0];
        if (seed.Length != MerkleHash.Size)
        {
            return false;
        }

        seed.CopyTo(fr);
        seed.CopyTo(sr);
        for (var i = start; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0 || c is not { Length: MerkleHash.Size })
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(root1) && sr.SequenceEqual(root2);
    }
}
