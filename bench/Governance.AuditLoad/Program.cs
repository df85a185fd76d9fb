using System.Diagnostics;
using System.Globalization;
using Governance.AuditLoad;
using Governance.Testing;

// dotnet run -c Release --project bench/Governance.AuditLoad -- [seconds per phase, 10] [concurrent callers, 256] [offered entries/s, 5000] [rounds, 3]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
var offered = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
await using var db = await TestDatabase.CreateAsync();
await using (var setup = db.AdminDataSource.CreateCommand(
    PlainInsertLog.CreateSql("bench_plain", searchIndexes: true) + PlainInsertLog.CreateSql("bench_plain_pk", searchIndexes: false)))
{
    await setup.ExecuteNonQueryAsync();
}

await using (var show = db.AppDataSource.CreateCommand("SELECT current_setting('synchronous_commit'), current_setting('fsync'), version()"))
await using (var settings = await show.ExecuteReaderAsync())
{
    await settings.ReadAsync();
    Console.WriteLine($"synchronous_commit = {settings.GetString(0)}, fsync = {settings.GetString(1)}; {settings.GetString(2).Split(',')[0]}");
    Console.WriteLine($"{seconds} s per phase, {callers} concurrent callers, {rounds} rounds; {Environment.ProcessorCount} cores; load average {Load.Average()}");
}

var plain = new PlainInsertLog(db.AppDataSource, "bench_plain");
var plainPk = new PlainInsertLog(db.AppDataSource, "bench_plain_pk");
var log = await RunningAuditLog.StartAsync(db.AppDataSource);

// Warm-up (JIT, connection pool, first pages), not reported.
await Load.ClosedLoopAsync(null, 3, callers, e => Load.DurableAsync(plain.AppendAsync(e)));
await Load.ClosedLoopAsync(null, 3, callers, e => Load.DurableAsync(log.WriteAsync(e, CancellationToken.None).AsTask()));

// The same three phases, round after round, each after a CHECKPOINT, so machine noise and
// checkpoint writes hit each side alike. Audit: callers wait for durability (their record
// committed); the sequencer integrates beside them, and every 8th entry's time from durable to
// integrated is measured (awaiting all of them would add the harness's own work to one side only).
var costs = new List<double>();
var costsPk = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    await CheckpointAsync(db);
    var indexed = await Load.ClosedLoopAsync($"round {round}: plain INSERT, same table and indexes", seconds, callers, e => Load.DurableAsync(plain.AppendAsync(e)));
    await CheckpointAsync(db);
    var sample = 0;
    var audited = await Load.ClosedLoopAsync($"round {round}: audit log, durable, integrated beside", seconds, callers, async e =>
    {
        var t0 = Stopwatch.GetTimestamp();
        var written = await log.WriteAsync(e, CancellationToken.None);
        var durable = Stopwatch.GetTimestamp();
        var timed = Interlocked.Increment(ref sample) % 8 == 0;
        return (Stopwatch.GetElapsedTime(t0, durable), timed ? Load.IntegratedAsync(log.WaitForIntegrationAsync(written, CancellationToken.None), durable) : null);
    });
    await CheckpointAsync(db);
    var bare = await Load.ClosedLoopAsync($"round {round}: plain INSERT, primary key only", seconds, callers, e => Load.DurableAsync(plainPk.AppendAsync(e)));
    costs.Add(1 - (audited / indexed));
    costsPk.Add(1 - (audited / bare));
    Console.WriteLine($"round {round}: tamper-evidence costs {100 * costs[^1]:F1}% of plain INSERTs into the same table ({100 * costsPk[^1]:F1}% against a primary key only)");
}

Console.WriteLine($"median over {rounds} rounds: {100 * Load.Median(costs):F1}% fewer durable appends/s than plain INSERTs into the same table (rounds {100 * costs.Min():F1}..{100 * costs.Max():F1}%); "
    + $"{100 * Load.Median(costsPk):F1}% fewer than into a table with a primary key only ({100 * costsPk.Min():F1}..{100 * costsPk.Max():F1}%)");

// Open loop: a steady offered rate, the figure the issue sets (>= 5,000/s, p99 time to integration < 1 s).
await Load.OpenLoopAsync($"audit log, open loop at {offered}/s", seconds * 2, offered, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    var written = await log.WriteAsync(e, CancellationToken.None);
    var durable = Stopwatch.GetTimestamp();
    return (Stopwatch.GetElapsedTime(t0, durable), Load.IntegratedAsync(log.WaitForIntegrationAsync(written, CancellationToken.None), durable));
});

// Callers that also wait for integration, as API responses did before ADR-029 (they now answer at durability).
await Load.ClosedLoopAsync("audit log, callers also wait for integration (API responses before ADR-029)", seconds, callers, async e =>
{
    var t0 = Stopwatch.GetTimestamp();
    var written = await log.WriteAsync(e, CancellationToken.None);
    var durable = Stopwatch.GetTimestamp();
    await log.WaitForIntegrationAsync(written, CancellationToken.None);
    return (Stopwatch.GetElapsedTime(t0, durable), Task.FromResult(Stopwatch.GetElapsedTime(durable)));
});
await log.DisposeAsync();
await plain.DisposeAsync();
await plainPk.DisposeAsync();

await SequencerAloneAsync(db);
await using (var check = db.AppDataSource.CreateCommand(
    "SELECT count(*), coalesce((SELECT first_sequence + entry_count - 1 FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1), 0) FROM audit_records"))
await using (var reader = await check.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    Console.WriteLine($"log: {reader.GetInt64(0)} records, {reader.GetInt64(1)} integrated (gap-free by construction: runs chain from 1); load average {Load.Average()}");
}

static async Task CheckpointAsync(TestDatabase db)
{
    await using var checkpoint = db.AdminDataSource.CreateCommand("CHECKPOINT");
    await checkpoint.ExecuteNonQueryAsync();
}

static async Task SequencerAloneAsync(TestDatabase db)
{
    // Write a backlog with no sequencer running, then time one leader integrating it.
    const int Backlog = 50_000;
    await using (var writer = await RunningAuditLog.StartAsync(db.AppDataSource, sequence: false))
    {
        await Task.WhenAll(Enumerable.Range(0, Backlog).Select(i => writer.WriteAsync(Load.Entry(i % 1000, i), CancellationToken.None).AsTask()));
    }

    var start = Stopwatch.GetTimestamp();
    await using (var sequencer = await RunningAuditLog.StartAsync(db.AppDataSource))
    await using (var behind = db.AppDataSource.CreateCommand(
        "SELECT count(*) FROM audit_records WHERE id > coalesce((SELECT first_record_id + entry_count - 1 FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1), 0)"))
    {
        while ((long)(await behind.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(20);
        }
    }

    var took = Stopwatch.GetElapsedTime(start).TotalSeconds;
    Console.WriteLine($"sequencer alone: integrated a backlog of {Backlog} records in {took:F2} s = {Backlog / took:F0}/s");
}
