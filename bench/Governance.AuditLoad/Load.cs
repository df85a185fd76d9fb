using System.Diagnostics;
using System.Globalization;
using Governance.Audit.Integrity;
using Governance.Domain.Auditing;

namespace Governance.AuditLoad;

/// <summary>Closed and open loops over an append function, with latency percentiles.</summary>
internal static class Load
{
    // A governed inference's entry as the API writes it: v7 request id, policy version and decision.
    private const string Decision = """
        {"policy_version":"3","effect":"allow","matched":["license.required","anonymize.pii"],"obligations":[{"kind":"anonymize","operator":"replace","entities":["EMAIL_ADDRESS","PHONE_NUMBER"]},{"kind":"retention","days":365}],"context":{"principal.role":"tenant","tenant.id":"acme","tenant.region":"eu","tenant.tier":"standard","model.name":"credit-risk","model.version":"1","model.data_categories":["financial"],"license.active":true,"request.purpose":"credit-scoring","consent.state":"granted","time.hour":14}}
        """;

    /// <summary>Closed loop: each caller appends again once its previous append returned; returns appends/s. A null name runs without printing.</summary>
    public static async Task<double> ClosedLoopAsync(string? name, int seconds, int callers, Func<AuditEntry, Task<(TimeSpan Durable, Task<TimeSpan>? Integration)>> append)
    {
        var durable = new List<double>[callers];
        var integrated = new List<Task<TimeSpan>>[callers];
        var cpu = new CpuMeter();
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
        var cpuPerEntry = cpu.PerEntry(durable.Sum(x => x.Count));
        var d = durable.SelectMany(x => x).Order().ToArray();
        var n = (await Task.WhenAll(integrated.SelectMany(x => x))).Select(t => t.TotalMilliseconds).Order().ToArray();
        var rate = d.Length / elapsed;
        if (name is not null)
        {
            Console.WriteLine($"{name}: {d.Length} entries in {elapsed:F1} s = {rate:F0}/s; time to durable p50 {P(d, 0.5):F1} ms p99 {P(d, 0.99):F1} ms"
                + (n.Length > 0 ? $"; durable to integrated p50 {P(n, 0.5):F1} ms p99 {P(n, 0.99):F1} ms" : "") + "; " + cpuPerEntry);
        }

        return rate;
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
            + $"durable to integrated p50 {P(n, 0.5):F1} ms p99 {P(n, 0.99):F1} ms max {n[^1]:F1} ms");
    }

    public static async Task<(TimeSpan, Task<TimeSpan>?)> DurableAsync(Task append)
    {
        var t0 = Stopwatch.GetTimestamp();
        await append;
        return (Stopwatch.GetElapsedTime(t0), null);
    }

    public static async Task<TimeSpan> IntegratedAsync(ValueTask<AuditReceipt> receipt, long durable)
    {
        await receipt;
        return Stopwatch.GetElapsedTime(durable);
    }

    public static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public static string Average() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // As AuditEntryFactory builds it: occurred-at already at the stored (microsecond) resolution.
    public static AuditEntry Entry(int worker, int i) => new(
        Guid.CreateVersion7(), AuditEntryEncoding.TruncateToMicroseconds(DateTimeOffset.UtcNow), "model.infer", AuditOutcome.Succeeded, 200, "client-" + worker.ToString(CultureInfo.InvariantCulture), "tenant", "acme",
        "credit-risk", "1", new string('a', 64), null, ["license.required", "anonymize.pii"], new string('b', 64), new string('c', 64),
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0" + (i % 10).ToString(CultureInfo.InvariantCulture))
    {
        PolicyVersion = "3",
        Decision = Decision,
        DataSubject = i % 10 == 0 ? new string('d', 64) : null,
    };

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
