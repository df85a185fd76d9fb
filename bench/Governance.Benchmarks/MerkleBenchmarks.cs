using BenchmarkDotNet.Attributes;
using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Domain.Auditing;

namespace Governance.Benchmarks;

/// <summary>
/// The tree's per-entry costs and proof costs at one million leaves: what the sequencer pays per
/// append, what a proof endpoint pays per request (building from stored perfect nodes), and what
/// any verifier pays per proof. Baseline: SHA-256 of the entry's canonical bytes alone.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class MerkleBenchmarks
{
    private const long Size = 1_000_000;
    private readonly List<MerkleNode> _completed = new(32);
    private byte[] _canonical = null!;
    private byte[] _leaf = null!;
    private CompactMerkleTree _tree = null!;
    private Dictionary<NodeId, byte[]> _nodes = null!;
    private IReadOnlyList<byte[]> _inclusion = null!;
    private IReadOnlyList<byte[]> _consistency = null!;
    private byte[] _root = null!;
    private byte[] _olderRoot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _canonical = AuditEntryEncoding.Encode(new AuditEntry(Guid.Parse("0192f0c4-5b1e-7c3a-9d2e-4f6a8b0c1d2e"),
            new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), "inference.infer", AuditOutcome.Succeeded, 200, "client-7",
            "tenant", "acme", "credit-risk", "3", new string('a', 64), null, ["policy.license.active"], new string('b', 64),
            new string('c', 64), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        { PolicyVersion = "2026-11-30.1", Decision = "{\"allow\":true}" });
        _leaf = MerkleHash.Leaf(_canonical);
        _nodes = new Dictionary<NodeId, byte[]>(2_100_000);
        var tree = new CompactMerkleTree();
        var completed = new List<MerkleNode>(32);
        for (long i = 0; i < Size; i++)
        {
            completed.Clear();
            tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)), completed);
            completed.ForEach(n => _nodes[n.Id] = n.Hash);
        }

        _tree = tree;
        _root = tree.Root();
        _olderRoot = MerkleProofs.RootFromNodes(Size - 12_345, _nodes);
        _inclusion = MerkleProofs.BuildInclusion(654_321, Size, _nodes);
        _consistency = MerkleProofs.BuildConsistency(Size - 12_345, Size, _nodes);
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of the canonical bytes (baseline)")]
    public byte[] Sha256Only() => System.Security.Cryptography.SHA256.HashData(_canonical);

    [Benchmark(Description = "leaf hash + append (compact tree)")]
    public long LeafAndAppend()
    {
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(_canonical, leaf);
        _tree.Append(leaf);
        return _tree.Size;
    }

    [Benchmark(Description = "leaf hash + append, collecting completed nodes")]
    public int LeafAndAppendCollecting()
    {
        _completed.Clear();
        _tree.Append(MerkleHash.Leaf(_canonical), _completed);
        return _completed.Count;
    }

    [Benchmark(Description = "build inclusion proof (1M leaves, from stored nodes)")]
    public int BuildInclusion() => MerkleProofs.BuildInclusion(654_321, Size, _nodes).Count;

    [Benchmark(Description = "verify inclusion proof (1M leaves)")]
    public bool VerifyInclusion() => MerkleProofs.VerifyInclusion(654_321, Size, _nodes[new NodeId(0, 654_321)], _inclusion, _root);

    [Benchmark(Description = "build consistency proof (1M - 12,345 -> 1M)")]
    public int BuildConsistency() => MerkleProofs.BuildConsistency(Size - 12_345, Size, _nodes).Count;

    [Benchmark(Description = "verify consistency proof")]
    public bool VerifyConsistency() => MerkleProofs.VerifyConsistency(Size - 12_345, Size, _olderRoot, _root, _consistency);
}
