using BenchmarkDotNet.Attributes;
using Governance.Domain.Policies;
using V = Governance.Domain.Policies.PolicyVocabulary;

namespace Governance.Benchmarks;

/// <summary>
/// Simulation of a draft over 100,000 recorded decisions: from decoded contexts (the replay itself) and
/// from their stored JSON (decoding included, what the endpoint does after reading the rows).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class PolicySimulationBenchmarks
{
    private const int Count = 100_000;
    private CompiledPolicySet _draft = null!;
    private RecordedDecision[] _decoded = null!;
    private string[] _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = PolicySets.Default();
        _draft = PolicySets.Generated(1000);
        _stored = new string[Count];
        _decoded = new RecordedDecision[Count];
        for (var i = 0; i < Count; i++)
        {
            var context = PolicySets.TenantCall($"tenant-{i % 500}")
                .Set(V.TenantLicensed, PolicyValue.Of(i % 10 != 0))
                .AtTime(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 6));
            _stored[i] = DecisionJson.Write(context, recorded.Decide(context));
            _decoded[i] = RecordedDecision.Read(i + 1, _stored[i])!;
        }
    }

    [Benchmark(Baseline = true, Description = "100k decoded decisions under a 1,000-rule draft")]
    public SimulationReport Replay()
    {
        var simulator = new PolicySimulator(_draft);
        foreach (var d in _decoded)
        {
            simulator.Add(d);
        }

        return simulator.Report();
    }

    [Benchmark(Description = "100k stored decisions (decode + replay)")]
    public SimulationReport DecodeAndReplay()
    {
        var simulator = new PolicySimulator(_draft);
        for (var i = 0; i < _stored.Length; i++)
        {
            simulator.Add(RecordedDecision.Read(i + 1, _stored[i])!);
        }

        return simulator.Report();
    }
}
