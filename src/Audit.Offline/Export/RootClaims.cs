using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Offline.Export;

/// <summary>
/// What the signed material says about the tree at one size: its root directly (a checkpoint in
/// range) or through a consistency proof to a newer signed root.
/// </summary>
internal sealed record RootClaim(string Source, byte[] SignedRoot, long SignedSize, IReadOnlyList<byte[]>? Proof)
{
    public bool HoldsFor(long size, ReadOnlySpan<byte> root) => Proof is null
        ? root.SequenceEqual(SignedRoot)
        : MerkleProofs.VerifyConsistency(size, SignedSize, root, SignedRoot, Proof);
}
