using Governance.Api.Catalog;
using Governance.Api.Configuration;
using Governance.Inference.Errors;
using Governance.Inference.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Governance.Api.ModelStore;

/// <summary>
/// Keeps the loaded versions equal to what the catalog serves (ADR-031): at start-up it loads every
/// served version before readiness says the models are warm, and then, every reconcile interval, loads
/// versions that became served (registered on another process, or brought in by a version policy) and
/// unloads versions that stopped being served (retired, or outside the policy). Unloading is graceful:
/// calls already admitted finish, and the sessions are freed after the last one (<see cref="LoadedModel"/>).
/// </summary>
public sealed partial class ModelReconciler(
    CatalogCache cache, ModelCatalog catalog, ModelHost host, ModelLoadFailures failures, IOptions<GovernanceOptions> options,
    ILogger<ModelReconciler> logger) : BackgroundService
{
    private volatile int _pending;

    /// <summary>The first pass (start-up loading) has run.</summary>
    public bool Completed { get; private set; }

    /// <summary>Served versions not loaded here at the last pass (loading, or failed and backing off).</summary>
    public int Pending => _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.Models.ReconcileIntervalMilliseconds));
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
                Completed = true;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogCatalogUnavailable(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: load what is served and missing, unload what the snapshot no longer serves.</summary>
    public async Task ReconcileAsync(CancellationToken ct)
    {
        var snapshot = await cache.CurrentAsync(ct);
        if (ReferenceEquals(snapshot, CatalogSnapshot.Empty))
        {
            return;
        }

        var pending = 0;
        foreach (var served in snapshot.Part<ServedVersions>().All)
        {
            foreach (var version in served.Versions)
            {
                if (host.TryGet(served.Name, version, out _))
                {
                    continue;
                }

                if (failures.Blocking(served.Name, version) is not null || snapshot.Find(served.Name, version) is not { } entry)
                {
                    pending++;
                    continue;
                }

                // A remote-backed version has nothing to load here; its backend answers for its readiness.
                if (catalog.RemoteOf(entry.Record) is not null)
                {
                    continue;
                }

                try
                {
                    await catalog.EnsureLoadedAsync(entry.Record, ct);
                    LogLoaded(logger, served.Name, version);
                }
                catch (InvalidModelException)
                {
                    pending++; // logged, and remembered with backoff, by the catalog
                }
            }
        }

        _pending = pending;
        foreach (var model in host.Snapshot())
        {
            // A version this snapshot does not know is newer than it (just registered here): left alone.
            if (snapshot.Find(model.Name, model.Version) is not { } entry || snapshot.Served(model.Name)?.Serves(model.Version) == true)
            {
                continue;
            }

            if (host.TryRemove(model.Name, model.Version))
            {
                LogUnloaded(logger, model.Name, model.Version, entry.Retired ? "retired" : "outside the version policy");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name}/{Version} loaded: the catalog serves it")]
    private static partial void LogLoaded(ILogger logger, string name, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name}/{Version} unloading ({Why}); calls in flight finish first")]
    private static partial void LogUnloaded(ILogger logger, string name, string version, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Models not reconciled, the catalog is not readable: {Reason}")]
    private static partial void LogCatalogUnavailable(ILogger logger, string reason);
}
