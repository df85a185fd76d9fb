using Governance.Api.Errors;
using Governance.Domain.Policies;
using Governance.Installation.Policies;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Keeps <see cref="ActivePolicy"/> on the latest activation: seeds and loads before the server takes
/// requests, then LISTENs on 'governance_policy' and checks the latest activation id on every
/// notification and at least every poll interval (the fallback for a missed notification or a
/// dropped connection). Each new activation is compiled once, then swapped in.
/// </summary>
public sealed partial class PolicyActivationWatcher(
    NpgsqlDataSource dataSource, IServiceScopeFactory scopes, PolicySeeder seeder, ActivePolicy active, IOptions<PolicyOptions> options, OutageLog outage, ILogger<PolicyActivationWatcher> logger)
    : BackgroundService
{
    private const string Source = "policy-watcher";

    public const string Channel = "governance_policy";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
            await RefreshAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // Governed calls fail closed (503) until the loop below gets a policy in.
            outage.RetryFailed(ex, Source);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.PollIntervalMilliseconds, 10, 60_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await RefreshAsync(stoppingToken);
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

    /// <summary>Loads and compiles the latest activation when it differs from the one in use.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<IPolicyVersions>();
        var latest = await versions.LatestActivationIdAsync(ct);
        if (latest is null || latest == active.ActivationId)
        {
            return;
        }

        var version = await versions.ActiveAsync(ct);
        if (version is null)
        {
            return;
        }

        CompiledPolicySet compiled;
        try
        {
            compiled = PolicyLoader.Compile(version.Source, version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException ex)
        {
            LogInvalid(logger, version.Version, ex.Message);
            return;
        }

        active.Set(compiled, version.ActivationId);
        LogActivated(logger, version.Version, version.ActivationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy version {Version} active (activation {ActivationId})")]
    private static partial void LogActivated(ILogger logger, int version, long activationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Policy version {Version} was activated but does not compile; keeping the previous one: {Reason}")]
    private static partial void LogInvalid(ILogger logger, int version, string reason);
}
