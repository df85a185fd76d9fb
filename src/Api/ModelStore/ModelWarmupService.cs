using Governance.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.ModelStore;

/// <summary>
/// Loads every registered model version at start-up (digest checked, warm-up inference run) so the
/// first call does not pay for it. A model that fails to load is reported and stays not ready.
/// </summary>
public sealed partial class ModelWarmupService(IServiceScopeFactory scopes, ModelCatalog catalog, ILogger<ModelWarmupService> logger) : BackgroundService
{
    public bool Completed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            var records = await db.ModelVersions.AsNoTracking().ToListAsync(stoppingToken);
            foreach (var record in records)
            {
                // A remote-backed version has nothing to load here; its backend answers for its readiness.
                if (catalog.RemoteOf(record) is not null)
                {
                    continue;
                }

                try
                {
                    await catalog.EnsureLoadedAsync(record, stoppingToken);
                    LogLoaded(logger, record.Name, record.Version, record.Sha256);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, record.Name, record.Version);
                }
            }
        }

        Completed = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name}/{Version} loaded (sha256 {Sha256})")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string sha256);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Name}/{Version} could not be loaded")]
    private static partial void LogFailed(ILogger logger, Exception exception, string name, string version);
}
