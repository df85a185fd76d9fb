using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Governance.Audit.Checkpoints;
using Governance.Audit.Merkle;

namespace Governance.Audit.Tests.Checkpoints;

/// <summary>Random checkpoints round-trip through their note; any changed character is refused or fails to verify.</summary>
public sealed class CheckpointPropertyTests : IDisposable
{
    private static readonly Arbitrary<long> Sizes = Gen.Choose(0, int.MaxValue).Select(i => (long)i * 977).ToArbitrary();
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void AnyCheckpoint_RoundTripsThroughItsNote_AndVerifies() =>
        Prop.ForAll(Sizes, Seeds, (size, seed) =>
        {
            var signed = Sign(size, seed);
            var parsed = SignedCheckpoint.ParseNote(signed.ToNote());
            return parsed.ToNote() == signed.ToNote()
                && parsed.Body.TreeSize == size
                && parsed.Body.RootHash.SequenceEqual(signed.Body.RootHash)
                && parsed.Body.Timestamp == signed.Body.Timestamp
                && CheckpointVerifier.Verify(parsed, _key, out _);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AnyChangedCharacter_IsRefusedOrDoesNotVerify() =>
        Prop.ForAll(Sizes, Seeds, (size, seed) =>
        {
            var note = Sign(size, seed).ToNote();
            var at = seed % note.Length;
            var replacement = note[at] == 'A' ? 'B' : 'A';
            var edited = note[..at] + replacement + note[(at + 1)..];
            try
            {
                return !CheckpointVerifier.Verify(SignedCheckpoint.ParseNote(edited), _key, out _);
            }
            catch (FormatException)
            {
                return true;
            }
        }).QuickCheckThrowOnFailure();

    private SignedCheckpoint Sign(long size, int seed)
    {
        var root = MerkleHash.Leaf(BitConverter.GetBytes(seed));
        var origin = "log-" + (seed % 1000).ToString("d3", null) + ".example/audit";
        var time = DateTimeOffset.UnixEpoch.AddTicks((long)seed * 1_000_003L);
        return new CheckpointSigner(_key).Sign(new Checkpoint(origin, size, root, time));
    }
}
