using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Governance.Api.Tests.Hardening;

/// <summary>
/// A PostgreSQL outage logs its start once, then a summary per interval, then its end, however many
/// calls it refuses (issue 11: 208,000 lines for a 12 s outage). Its own database, because the outage
/// is made by refusing the app role's connections to it.
/// </summary>
public sealed class OutageLoggingTests : IAsyncLifetime
{
    private const int Calls = 200;

    private readonly ApiFactory _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Outage_Refusing200Calls_LogsItOnceWithASummaryAndTheRecovery_NotALinePerCall()
    {
        await using var host = _api.WithWebHostBuilder(b => b
            .UseSetting("Governance:Limits:OutageSummarySeconds", "1")
            .ConfigureLogging(l => l.AddFakeLogging()));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _api.TokenFor(Roles.Tenant, "acme"));
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(client)).StatusCode);
        var logs = host.Services.GetFakeLogCollector();

        await CutAsync();
        logs.Clear();
        var started = DateTime.UtcNow;
        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var mine = new List<HttpStatusCode>();
            for (var i = 0; i < Calls / 8; i++)
            {
                mine.Add((await PredictAsync(client)).StatusCode);
            }

            return mine;
        }));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var duringOutage = logs.GetSnapshot();
        await RestoreAsync();
        var recovered = await WaitForAsync(logs, r => r.Id.Id == 3003, TimeSpan.FromSeconds(30));

        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var lines = string.Join('\n', duringOutage.Select(r => $"{r.Level} {r.Category}: {r.Message}"));
        // What refused calls log: the outage once, the audit writer's first failed batch once, a summary per second.
        Assert.Single(duringOutage, r => r.Id.Id == 3001 && r.Exception is not null);
        Assert.True(duringOutage.Count(r => r.Id.Id == 2001) <= 1, lines);
        Assert.True(duringOutage.Count(r => r.Id.Id == 3002) <= seconds + 1, lines);
        Assert.DoesNotContain(duringOutage, r => r.Category?.EndsWith("GovernanceExceptionHandler", StringComparison.Ordinal) == true);
        Assert.Contains(duringOutage.Concat([recovered]), r => r.Id.Id == 3002 && r.Message.Contains("calls refused", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(client)).StatusCode);
    }

    [Fact]
    public async Task Outage_WithTheWatchersRetryingEvery20Ms_LogsItOnceWithSummariesAndTheRecovery_NotALinePerRetry()
    {
        await using var host = _api.WithWebHostBuilder(b => b
            .UseSetting("Governance:Limits:OutageSummarySeconds", "1")
            .UseSetting("Governance:Catalog:PollIntervalMilliseconds", "20")
            .UseSetting("Governance:Policies:PollIntervalMilliseconds", "20")
            .ConfigureLogging(l => l.AddFakeLogging()));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _api.TokenFor(Roles.Tenant, "acme"));
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(client)).StatusCode);
        var logs = host.Services.GetFakeLogCollector();

        await CutAsync();
        logs.Clear();
        // No calls: only the watchers notice. Waits for a summary that counted their retries, not for a time.
        await WaitForAsync(logs, r => r.Id.Id == 3002 && Retries(r) > 0, TimeSpan.FromSeconds(30));
        var duringOutage = logs.GetSnapshot();
        await RestoreAsync();
        var recovered = await WaitForAsync(logs, r => r.Id.Id == 3003, TimeSpan.FromSeconds(30));

        var lines = string.Join('\n', duringOutage.Select(r => $"{r.Level} {r.Category}: {r.Message}"));
        var started = Assert.Single(duringOutage, r => r.Id.Id == 3001);
        Assert.NotNull(started.Exception);
        Assert.Matches("(catalog|policy)-watcher", started.Message);
        Assert.DoesNotContain(duringOutage, r => r.Level >= LogLevel.Warning && IsWatcher(r));
        Assert.True(duringOutage.Where(r => r.Id.Id == 3002).Sum(Retries) > 1, lines);
        Assert.Contains("background retries failed", recovered.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(client)).StatusCode);
    }

    private static long Retries(FakeLogRecord record) =>
        long.Parse(record.GetStructuredStateValue("Retries") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsWatcher(FakeLogRecord record) =>
        record.Category?.EndsWith("CatalogWatcher", StringComparison.Ordinal) == true
        || record.Category?.EndsWith("PolicyActivationWatcher", StringComparison.Ordinal) == true;

    private static async Task<HttpResponseMessage> PredictAsync(HttpClient client) =>
        await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "my card was charged twice" });

    private Task CutAsync() => AdminAsync(
        $"REVOKE CONNECT ON DATABASE \"{_api.Database.Name}\" FROM PUBLIC, governance_app",
        $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_api.Database.Name}' AND usename = 'governance_app'");

    private Task RestoreAsync() => AdminAsync($"GRANT CONNECT ON DATABASE \"{_api.Database.Name}\" TO PUBLIC, governance_app");

    private async Task AdminAsync(params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = _api.Database.AdminDataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<FakeLogRecord> WaitForAsync(FakeLogCollector logs, Func<FakeLogRecord, bool> match, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            if (logs.GetSnapshot().FirstOrDefault(match) is { } record)
            {
                return record;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
