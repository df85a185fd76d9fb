using System.Diagnostics;
using System.Globalization;
using Governance.Audit;
using Governance.AuditLoad;
using Governance.Domain.Auditing;
using Governance.Testing;

// dotnet run -c Release --project bench/Governance.AuditLoad -- [seconds per phase, default 20] [concurrent callers, default 256] [offered entries/s, default 5000]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
var offered = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
await using var db = await TestDatabase.CreateAsync();
await using (var setup = db.AdminDataSource.CreateCommand(PlainInsertLog.CreateSql + "; GRANT SELECT, INSERT ON bench_plain TO governance_app; GRANT USAGE ON SEQUENCE bench_plain_id_seq TO governance_app"))
{
    await setup.ExecuteNonQueryAsync();
}

await using (var show = db.AppDataSource.CreateCommand("SHOW synchronous_commit"))
{
    Console.WriteLine($"synchronous_commit = {await show.ExecuteScalarAsync()}; {seconds} s per phase; {callers} concurrent callers; {Environment.ProcessorCount} cores");
}

var plain = new PlainInsertLog(db.AppDataSource);
var baseline = await Load.RunAsync("plain INSERT (same rows, same group commit)", seconds, callers, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    await plain.AppendAsync(e);
    return (Stopwatch.GetElapsedTime(t0), null);
});
await plain.DisposeAsync();

var log = new GroupCommitAuditLog(db.AppDataSource);
// Durable appends: callers wait for the staged commit (what durability needs); integration runs
// beside them and each entry's time from durable to integrated is measured on its own.
var merkle = await Load.RunAsync("audit log, callers wait for durable (integration measured beside)", seconds, callers, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    var staged = await log.StageAsync(e, CancellationToken.None);
    var durable = Stopwatch.GetTimestamp();
    return (Stopwatch.GetElapsedTime(t0, durable), Integrated(log.WaitForIntegrationAsync(staged, CancellationToken.None), durable));
});

// Open loop: a steady offered load (entries/s), the figure the issue sets (>= 5,000/s, p99 integration < 1 s).
await Load.OpenLoopAsync($"audit log, open loop at {offered}/s", seconds, offered, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    var staged = await log.StageAsync(e, CancellationToken.None);
    var durable = Stopwatch.GetTimestamp();
    return (Stopwatch.GetElapsedTime(t0, durable), Integrated(log.WaitForIntegrationAsync(staged, CancellationToken.None), durable));
});

// What an API response does: wait for the receipt (durable, then integrated).
await Load.RunAsync("audit log, callers wait for the receipt (as API responses do)", seconds, callers, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    var staged = await log.StageAsync(e, CancellationToken.None);
    var durable = Stopwatch.GetTimestamp();
    await log.WaitForIntegrationAsync(staged, CancellationToken.None);
    return (Stopwatch.GetElapsedTime(t0, durable), Task.FromResult(Stopwatch.GetElapsedTime(durable)));
});
await log.DisposeAsync();

await SequencerAloneAsync(db, "");
if (args.Length > 3 && args[3] == "--without-chain-trigger")
{
    // The ADR-004 chain trigger checks each inserted row with a lookup; this measures what it costs the sequencer.
    await using (var off = db.AdminDataSource.CreateCommand("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_chain"))
    {
        await off.ExecuteNonQueryAsync();
    }

    await SequencerAloneAsync(db, " (chain trigger disabled)");
}

Console.WriteLine($"tamper-evidence cost: {merkle.PerSecond:F0} vs {baseline.PerSecond:F0} durable appends/s = {100.0 * (1 - (merkle.PerSecond / baseline.PerSecond)):F1}% fewer");
await using (var check = db.AppDataSource.CreateCommand("SELECT count(*), max(sequence) FROM audit_entries"))
await using (var reader = await check.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    Console.WriteLine($"log: {reader.GetInt64(0)} entries, max sequence {reader.GetInt64(1)} (gap-free: {reader.GetInt64(0) == reader.GetInt64(1)})");
}

static async Task SequencerAloneAsync(TestDatabase db, string label)
{
    // Sequencer alone: stage a backlog with no sequencer running, then time one leader integrating it.
    const int Backlog = 50_000;
    await using (var stager = new GroupCommitAuditLog(db.AppDataSource, new GroupCommitOptions { RunSequencer = false }))
    {
        await Task.WhenAll(Enumerable.Range(0, Backlog).Select(i => stager.StageAsync(Load.Entry(i % 1000, i), CancellationToken.None).AsTask()));
    }

    var catchUp = Stopwatch.GetTimestamp();
    await using (var sequencer = new Governance.Audit.Sequencing.AuditSequencer(db.AppDataSource))
    await using (var size = db.AppDataSource.CreateCommand("SELECT count(*) FROM audit_staged s WHERE NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.staged_id = s.staged_id)"))
    {
        while ((long)(await size.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(50);
        }
    }

    var took = Stopwatch.GetElapsedTime(catchUp).TotalSeconds;
    Console.WriteLine($"sequencer alone{label}: integrated a backlog of {Backlog} staged entries in {took:F2} s = {Backlog / took:F0}/s");
}

static async Task<TimeSpan> Integrated(ValueTask<AuditReceipt> receipt, long durable)
{
    await receipt;
    return Stopwatch.GetElapsedTime(durable);
}

internal static class Load
{
    /// <summary>Closed loop: each caller appends again once its previous append returned (durable); the returned task, if any, is the integration.</summary>
    public static async Task<(double PerSecond, long Count)> RunAsync(string name, int seconds, int callers, Func<AuditEntry, Task<(TimeSpan Durable, Task<TimeSpan>? Integration)>> append)
    {
        var durable = new List<double>[callers];
        var integrated = new List<Task<TimeSpan>>[callers];
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(seconds * (double)Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers).Select(w => Task.Run(async () =>
        {
            durable[w] = [];
            integrated[w] = [];
            for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                var (toDurable, integration) = await append(Entry(w, i));
                durable[w].Add(toDurable.TotalMilliseconds);
                if (integration is not null)
                {
                    integrated[w].Add(integration);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var d = durable.SelectMany(x => x).Order().ToArray();
        var n = (await Task.WhenAll(integrated.SelectMany(x => x))).Select(t => t.TotalMilliseconds).Order().ToArray();
        var rate = d.Length / elapsed;
        Console.WriteLine($"{name}: {d.Length} entries in {elapsed:F1} s = {rate:F0}/s; time to durable p50 {P(d, 0.5):F1} ms p99 {P(d, 0.99):F1} ms"
            + (n.Length > 0 ? $"; time from durable to integrated p50 {P(n, 0.5):F1} ms p99 {P(n, 0.99):F1} ms" : ""));
        return (rate, d.Length);
    }

    /// <summary>Offers <paramref name="rate"/> appends per second regardless of how fast they complete.</summary>
    public static async Task OpenLoopAsync(string name, int seconds, int rate, Func<AuditEntry, Task<(TimeSpan Durable, Task<TimeSpan>? Integration)>> append)
    {
        var calls = new List<Task<(TimeSpan Durable, Task<TimeSpan>? Integration)>>(rate * seconds);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds)
        {
            var due = (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                var entry = Entry(sent % 1000, sent);
                calls.Add(Task.Run(() => append(entry)));
            }

            await Task.Delay(5);
        }

        var results = await Task.WhenAll(calls);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var d = results.Select(r => r.Durable.TotalMilliseconds).Order().ToArray();
        var n = (await Task.WhenAll(results.Select(r => r.Integration!))).Select(t => t.TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"{name}: {d.Length} entries durable and integrated in {elapsed:F1} s = {d.Length / elapsed:F0}/s; time to durable p50 {P(d, 0.5):F1} ms p99 {P(d, 0.99):F1} ms; "
            + $"time from durable to integrated p50 {P(n, 0.5):F1} ms p99 {P(n, 0.99):F1} ms");
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    public static AuditEntry Entry(int worker, int i) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "model.infer", AuditOutcome.Succeeded, 200, "client-" + worker, "tenant", "acme",
        "credit-risk", "1", new string('a', 64), null, ["license.active"], new string('b', 64), new string('c', 64),
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0" + (i % 10));
}
