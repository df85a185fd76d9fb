using Governance.Api.Errors;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Catalog;

/// <summary>
/// Keeps <see cref="CatalogCache"/> exact: loads before the server takes requests, then LISTENs on
/// 'governance_catalog' (notified by the changing transaction itself) and reloads on every
/// notification; every poll interval it also confirms the generation with the database, which keeps
/// the snapshot trusted and this process's row in catalog_nodes fresh.
/// </summary>
public sealed class CatalogWatcher(
    NpgsqlDataSource dataSource, CatalogCache cache, IOptions<CatalogOptions> options, OutageLog outage) : BackgroundService
{
    private const string Source = "catalog-watcher";

    public const string Channel = "governance_catalog";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await cache.ReloadAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // Calls reload for themselves (and fail closed) until the database answers.
            outage.RetryFailed(ex, Source);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Commands stop waiting for a process that has gone.
            await cache.ForgetAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            outage.RetryFailed(ex, Source);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (!options.Value.Listen)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _ = ReloadQuietlyAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    // Also after (re)connecting: a change may have committed while nobody listened.
                    await cache.CheckAsync(stoppingToken);
                    await connection.WaitAsync(interval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                outage.RetryFailed(ex, Source);
                await Task.Delay(interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ReloadQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await cache.ReloadAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            outage.RetryFailed(ex, Source);
        }
    }
}
