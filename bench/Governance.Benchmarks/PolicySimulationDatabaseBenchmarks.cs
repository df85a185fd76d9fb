using BenchmarkDotNet.Attributes;
using Governance.Api.PolicyEngine;
using Governance.Domain.Auditing;
using Governance.Domain.Policies;
using Governance.Testing;

namespace Governance.Benchmarks;

/// <summary>
/// Simulation end to end over PostgreSQL: 100,000 audit entries with recorded decisions (appended
/// through the real audit log into a fresh, migrated database), read back by the same reader the
/// simulate endpoint uses, decoded and replayed under a 1,000-rule draft. Needs the database that
/// eng/postgres/up.sh starts (GOVERNANCE_DB_* from .dev/postgres.env.sh).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a class that derives from each benchmark class.</remarks>
[MemoryDiagnoser]
public class PolicySimulationDatabaseBenchmarks
{
    private const int Count = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private DecisionLogReader _reader = null!;
    private CompiledPolicySet _draft = null!;

    // Synchronous on purpose: the in-process toolchain does not await an async GlobalSetup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _reader = new DecisionLogReader(_database.AppDataSource);
        _draft = PolicySets.Generated(1000);
        var recorded = PolicySets.Default();
        await using var log = await RunningAuditLog.StartAsync(_database.AppDataSource);
        var next = -1;
        async Task AppendManyAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Count)
            {
                var at = Start.AddSeconds(i * 6);
                var context = PolicySets.TenantCall($"tenant-{i % 500}").AtTime(at);
                var decision = recorded.Decide(context);
                await log.AppendAsync(new AuditEntry(Guid.CreateVersion7(at), at, "model.predict", AuditOutcome.Succeeded, 200, "svc", "tenant", "tenant-1",
                    "support-intent", "1", null, null, decision.MatchedRuleIds, null, null, null)
                { PolicyVersion = "1", Decision = DecisionJson.Write(context, decision) }, CancellationToken.None);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(AppendManyAsync)));
    }

    [Benchmark(Description = "read + decode + replay 100k rows from PostgreSQL")]
    public async Task<SimulationReport> SimulateFromDatabaseAsync() =>
        (await _reader.SimulateAsync(_draft, Start, Start.AddDays(30), Count, CancellationToken.None)).Report;
}
