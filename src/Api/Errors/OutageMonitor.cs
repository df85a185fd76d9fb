using Governance.Api.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Errors;

/// <summary>
/// While <see cref="OutageLog"/> reports an outage: once per interval, writes the summary and asks
/// PostgreSQL whether it is back; the first answer ends the outage in the log.
/// </summary>
public sealed class OutageMonitor(OutageLog outage, NpgsqlDataSource database, IOptions<GovernanceOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.Limits.OutageSummarySeconds));
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!outage.IsDown)
            {
                continue;
            }

            outage.Summarize(interval);
            if (await ReachableAsync(stoppingToken))
            {
                outage.Recovered();
            }
        }
    }

    private async Task<bool> ReachableAsync(CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }
}
