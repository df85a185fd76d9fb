using BenchmarkDotNet.Attributes;
using Governance.Audit.Integrity;
using Governance.Audit.Merkle;
using Governance.Benchmarks.Setup;
using Governance.DemoModels;
using Governance.Domain.Auditing;

namespace Governance.Benchmarks;

/// <summary>
/// The CPU side of one audit entry (canonical encoding and its RFC 9162 leaf hash), measured against a
/// bare one-row credit-risk run so the ratio reads as "audit work per call, relative to the inference".
/// The database round trip is not here; see bench/README.md.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class AuditEncodingBenchmarks
{
    private AuditEntry _entry = null!;
    private byte[] _canonical = null!;
    private BareRun _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A successful inference: every digest present, one rule id, a W3C trace id.
        _entry = new AuditEntry(
            Guid.Parse("0192f0c4-5b1e-7c3a-9d2e-4f6a8b0c1d2e"),
            new DateTimeOffset(2025, 6, 1, 12, 34, 56, 789, TimeSpan.Zero),
            "model.infer",
            AuditOutcome.Succeeded,
            200,
            "user-7f3c2a",
            "data-scientist",
            "acme",
            "credit-risk",
            "1",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            null,
            ["policy.consent.granted"],
            "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
            "4bf92f3577b34da6a3ce929d0e0e4736");
        _canonical = AuditEntryEncoding.Encode(_entry);

        var demo = DemoModelFactory.CreditRiskScorer();
        _bare = new BareRun(
            DemoSessions.OpenBare(demo),
            demo.Manifest.Inputs[0].Name,
            [1, CreditRiskRows.Width],
            demo.Manifest.Outputs[0].Name,
            [1, 1]);
        CreditRiskRows.Features(1).CopyTo(_bare.Input, 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _bare.Dispose();

    [Benchmark(Baseline = true, Description = "bare ORT Run (credit-risk, 1 row)")]
    public float[] BareRun() => _bare.Run();

    [Benchmark(Description = "Encode + leaf hash")]
    public byte[] EncodeAndHash() => MerkleHash.Leaf(AuditEntryEncoding.Encode(_entry));

    [Benchmark(Description = "only Encode")]
    public byte[] EncodeOnly() => AuditEntryEncoding.Encode(_entry);

    [Benchmark(Description = "only leaf hash")]
    public byte[] HashOnly() => MerkleHash.Leaf(_canonical);
}
