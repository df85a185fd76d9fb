using Governance.Api.Configuration;
using Governance.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.Persistence;

/// <summary>
/// Applies db/migrations as the owner role before the server takes requests. Retries for a short while
/// so the API can start beside a database that is still coming up, then fails the start.
/// </summary>
public sealed partial class DatabaseMigrationService(IOptions<GovernanceOptions> options, ILoggerFactory loggers) : IHostedService
{
    private readonly ILogger _logger = loggers.CreateLogger<DatabaseMigrationService>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value.Database;
        if (!database.MigrateOnStart)
        {
            return;
        }

        await using var owner = NpgsqlDataSource.Create(database.OwnerConnectionString);
        var migrator = new Migrator(owner, loggers.CreateLogger<Migrator>());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applied = await migrator.ApplyAsync(cancellationToken);
                LogApplied(_logger, applied.Count);
                return;
            }
            catch (NpgsqlException ex) when (attempt < 15 && ex.IsTransient)
            {
                LogRetry(_logger, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema up to date ({Count} migrations applied now)")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
