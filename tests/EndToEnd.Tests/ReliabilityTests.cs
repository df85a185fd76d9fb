using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Testing;
using Npgsql;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Crashes under load: every call answered 2xx keeps its entry, the log stays gap-free and verifies,
/// and the sequencer carries on in whichever process is left (ADR-007).
/// </summary>
public sealed class ReliabilityTests
{
    [Fact]
    public async Task SigkillMidLoad_EveryAnsweredCallKeepsItsEntry_AndTheSequencerResumes()
    {
        await using var cluster = new ReliabilityCluster();
        await cluster.StartAsync(0);
        var admin = await cluster.CliAsync("token", "--role", "admin");

        var (answered, _) = await LoadAsync(cluster, [0], admin, "k", afterKill: TimeSpan.FromSeconds(1), kill: () => cluster.KillAsync(0));
        await cluster.StartAsync(0);
        var after = await CreateTenantAsync(cluster.Url(0), admin, "k-after-restart");

        Assert.NotEmpty(answered);
        Assert.Equal(HttpStatusCode.Created, after);
        await AssertEveryAnsweredCallIsAuditedAsync(cluster, [.. answered, "k-after-restart"]);
        await AssertVerifiesAsync(cluster, 0);
    }

    [Fact]
    public async Task ThreeProcesses_KillTheSequencerLeader_LogStaysGapFreeAndVerifies()
    {
        await using var cluster = new ReliabilityCluster();
        await cluster.StartAsync(0);
        await cluster.StartAsync(1);
        await cluster.StartAsync(2);
        var admin = await cluster.CliAsync("token", "--role", "admin");
        var leader = await WaitForLeaderAsync(cluster);

        var (answered, afterKill) = await LoadAsync(cluster, [0, 1, 2], admin, "m", afterKill: TimeSpan.FromSeconds(4), kill: () => cluster.KillAsync(leader));

        var survivors = new[] { 0, 1, 2 }.Where(n => n != leader).ToArray();
        var successor = await WaitForLeaderAsync(cluster);
        Assert.Contains(successor, survivors);
        // Calls answered after the leader died needed the successor to integrate their entries.
        Assert.True(afterKill > 0, $"no call was answered after the kill ({answered.Count} before)");
        await AssertEveryAnsweredCallIsAuditedAsync(cluster, answered);
        await AssertVerifiesAsync(cluster, survivors[0]);
    }

    private static async Task<(List<string> Answered, int AnsweredAfterKill)> LoadAsync(
        ReliabilityCluster cluster, int[] nodes, string token, string prefix, TimeSpan afterKill, Func<Task> kill)
    {
        var answered = new ConcurrentBag<string>();
        var killed = 0;
        var answeredAfterKill = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"{prefix}-{w}-{i}";
                try
                {
                    var sentAfterKill = Volatile.Read(ref killed) == 1;
                    if (await CreateTenantAsync(cluster.Url(nodes[(w + i) % nodes.Length]), token, id) == HttpStatusCode.Created)
                    {
                        answered.Add(id);
                        if (sentAfterKill)
                        {
                            Interlocked.Increment(ref answeredAfterKill);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // the process was killed under this call: no answer, so no promise to keep
                }
            }
        })).ToList();
        // Kill mid-load: once calls are being answered (a cold process on a busy machine takes a while), not at a fixed time.
        for (var waited = 0; answered.Count < 20 && waited < 600; waited++)
        {
            await Task.Delay(50);
        }

        await kill();
        Volatile.Write(ref killed, 1);
        await Task.Delay(afterKill);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return ([.. answered], answeredAfterKill);
    }

    private static async Task<HttpStatusCode> CreateTenantAsync(Uri url, string token, string id)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsJsonAsync("/api/v1/tenants", new { id, name = "Tenant " + id });
        return response.StatusCode;
    }

    // A standby retries every 500 ms; the deadline is for a 2-core machine running the whole suite at once.
    private static async Task<int> WaitForLeaderAsync(ReliabilityCluster cluster)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await cluster.SequencerNodeAsync() is { } node)
            {
                return node;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no process took over the sequencer within 30 s\n" + await cluster.DiagnosticsAsync());
    }

    private static async Task AssertEveryAnsweredCallIsAuditedAsync(ReliabilityCluster cluster, List<string> answered)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await AuditSettling.IntegratedAsync(connection);
        await using var missing = new NpgsqlCommand("""
            SELECT count(*) FROM unnest(@ids) AS t(id)
            WHERE NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.action = 'tenant.create' AND e.tenant_id = t.id AND e.status_code = 201)
            """, connection);
        missing.Parameters.AddWithValue("ids", answered.ToArray());
        Assert.Equal(0L, await missing.ExecuteScalarAsync());
        await using var gaps = new NpgsqlCommand("SELECT count(*) = coalesce(max(sequence), 0) FROM audit_entries", connection);
        Assert.True((bool)(await gaps.ExecuteScalarAsync())!, "the log has gaps");
    }

    private static async Task AssertVerifiesAsync(ReliabilityCluster cluster, int node)
    {
        var token = await cluster.CliAsync("token", "--role", "compliance");
        using var http = new HttpClient { BaseAddress = cluster.Url(node) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var publish = await http.PostAsync(new Uri("/api/v1/audit/checkpoints", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Created, publish.StatusCode);
        }

        var body = await http.GetStringAsync(new Uri("/api/v1/audit/verify", UriKind.Relative));
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean(), body);
    }
}
