using System.Text.Json;
using Governance.Audit.Offline.Merkle;

namespace Governance.Audit.Tests.Merkle;

/// <summary>The published 8-leaf reference tree and its proofs, read from TestData.</summary>
internal sealed class ReferenceTree
{
    private static readonly Lazy<ReferenceTree> Loaded = new(Load);

    public static ReferenceTree Instance => Loaded.Value;

    public required byte[][] Leaves { get; init; }

    public required byte[][] Roots { get; init; }

    public required byte[] EmptyRoot { get; init; }

    public required byte[] SomeHash { get; init; }

    public required IReadOnlyList<(long LeafIndex, long TreeSize, byte[][] Proof)> Inclusion { get; init; }

    public required IReadOnlyList<(long Size1, long Size2, byte[][] Proof)> Consistency { get; init; }

    public byte[] RootOf(long size) => Roots[size - 1];

    public byte[] LeafHash(long index) => MerkleHash.Leaf(Leaves[index]);

    private static ReferenceTree Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Merkle", "TestData", "rfc6962-reference-tree.json")));
        var root = json.RootElement;
        return new ReferenceTree
        {
            Leaves = Hexes(root.GetProperty("leaves")),
            Roots = Hexes(root.GetProperty("roots")),
            EmptyRoot = Convert.FromHexString(root.GetProperty("emptyRoot").GetString()!),
            SomeHash = Convert.FromHexString(root.GetProperty("someHash").GetString()!),
            Inclusion = [.. root.GetProperty("inclusion").EnumerateArray().Select(e =>
                (e.GetProperty("leafIndex").GetInt64(), e.GetProperty("treeSize").GetInt64(), Hexes(e.GetProperty("proof"))))],
            Consistency = [.. root.GetProperty("consistency").EnumerateArray().Select(e =>
                (e.GetProperty("size1").GetInt64(), e.GetProperty("size2").GetInt64(), Hexes(e.GetProperty("proof"))))],
        };
    }

    private static byte[][] Hexes(JsonElement array) => [.. array.EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!))];
}
