using Governance.Audit.Offline.Checkpoints;

namespace Governance.Api.Features.Audit;

/// <summary>
/// A signed checkpoint as JSON; <see cref="Note"/> is the exact signed-note text, the log's signature
/// line first (<see cref="KeyName"/>, <see cref="Signature"/>), then any witnesses' cosignatures.
/// </summary>
public sealed record CheckpointView(string Origin, long TreeSize, string RootHash, DateTimeOffset Timestamp, string KeyName, string Signature, string Note)
{
    public static CheckpointView From(SignedCheckpoint c) => new(
        c.Body.Origin, c.Body.TreeSize, Convert.ToHexStringLower(c.Body.RootHash), c.Body.Timestamp, c.Signatures[0].KeyName,
        Convert.ToBase64String(c.Signatures[0].Signature), c.ToNote());
}

/// <summary>RFC 9162 inclusion proof: leaf index = sequence - 1; hashes hex, leaf side first.</summary>
public sealed record InclusionProofView(long Sequence, long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Proof);

public sealed record ConsistencyProofView(long First, long Second, IReadOnlyList<string> Proof);

internal static class Hex
{
    public static IReadOnlyList<string> All(IReadOnlyList<byte[]> hashes) => [.. hashes.Select(Convert.ToHexStringLower)];
}
