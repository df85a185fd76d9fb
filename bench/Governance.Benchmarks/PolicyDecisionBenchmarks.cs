using BenchmarkDotNet.Attributes;
using Governance.Domain.Policies;

namespace Governance.Benchmarks;

/// <summary>
/// One policy decision on one thread: the default set (policies/default.yaml) and a generated 1,000-rule
/// set. Evaluate writes into a reused buffer (what the decision costs); Decide also materializes the
/// rule ids, denials and merged obligations the pipeline records; Record adds the canonical audit JSON.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyDecisionBenchmarks
{
    private readonly DecisionBuffer _buffer = new();
    private CompiledPolicySet _default = null!;
    private CompiledPolicySet _thousand = null!;
    private DecisionContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _default = PolicySets.Default();
        _thousand = PolicySets.Generated(1000);
        _context = PolicySets.TenantCall();
    }

    [Benchmark(Baseline = true, Description = "default set: Evaluate")]
    public bool DefaultEvaluate() => _default.Evaluate(_context, _buffer);

    [Benchmark(Description = "default set: Decide")]
    public PolicyDecision DefaultDecide() => _default.Decide(_context);

    [Benchmark(Description = "default set: Decide + decision JSON")]
    public string DefaultRecord() => DecisionJson.Write(_context, _default.Decide(_context));

    [Benchmark(Description = "1,000 rules: Evaluate")]
    public bool ThousandEvaluate() => _thousand.Evaluate(_context, _buffer);

    [Benchmark(Description = "1,000 rules: Decide")]
    public PolicyDecision ThousandDecide() => _thousand.Decide(_context);
}
