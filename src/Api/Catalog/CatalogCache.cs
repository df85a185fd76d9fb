using Governance.Api.PolicyEngine;
using Microsoft.Extensions.Options;

namespace Governance.Api.Catalog;

/// <summary>
/// This process's catalog snapshot and how far it may be trusted. A snapshot is confirmed when it is
/// loaded and whenever a check finds the database still at its generation; it is trusted for
/// <see cref="CatalogOptions.MaxStaleness"/> after the last confirmation. Within that, a call reads
/// no database at all; past it (the notification channel is lost), the next call reloads first, and
/// if the database cannot be read it fails like any call that cannot be decided.
/// </summary>
public sealed class CatalogCache(CatalogLoader loader, PolicyActivationWatcher policies, IOptions<CatalogOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile State _state = new(CatalogSnapshot.Empty, long.MinValue);

    public Guid NodeId { get; } = Guid.NewGuid();

    public CatalogSnapshot Latest => _state.Snapshot;

    public TimeSpan MaxStaleness => options.Value.MaxStaleness;

    /// <summary>The snapshot to decide with: the cached one while it is trusted, else a fresh one.</summary>
    public ValueTask<CatalogSnapshot> CurrentAsync(CancellationToken ct)
    {
        var state = _state;
        return IsTrusted(state) ? ValueTask.FromResult(state.Snapshot) : new ValueTask<CatalogSnapshot>(ReloadAsync(ct));
    }

    /// <summary>Loads a snapshot unless one was confirmed after this call asked; one load at a time.</summary>
    public async Task<CatalogSnapshot> ReloadAsync(CancellationToken ct)
    {
        var askedAt = time.GetTimestamp();
        await _reload.WaitAsync(ct);
        try
        {
            var state = _state;
            if (state.ConfirmedAt >= askedAt)
            {
                return state.Snapshot;
            }

            // Stamped before the read: the snapshot is at least as new as this instant.
            var startedAt = time.GetTimestamp();
            var snapshot = await loader.LoadAsync(ct);
            await policies.RefreshAsync(ct);
            _state = new State(snapshot, startedAt);
            await loader.ReportAsync(NodeId, snapshot.Generation, MaxStaleness, ct);
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>
    /// Reports this process alive at its generation and learns the database's. Equal: the snapshot is
    /// confirmed as of before the check. Different: reloads.
    /// </summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var state = _state;
        var startedAt = time.GetTimestamp();
        var current = await loader.ReportAsync(NodeId, state.Snapshot.Generation, MaxStaleness, ct);
        if (current != state.Snapshot.Generation)
        {
            await ReloadAsync(ct);
            return;
        }

        // Only move forward, and only for the snapshot that was checked.
        await _reload.WaitAsync(ct);
        try
        {
            if (ReferenceEquals(_state.Snapshot, state.Snapshot) && _state.ConfirmedAt < startedAt)
            {
                _state = new State(state.Snapshot, startedAt);
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    public Task ForgetAsync(CancellationToken ct) => loader.ForgetAsync(NodeId, ct);

    private bool IsTrusted(State state) =>
        state.ConfirmedAt != long.MinValue && time.GetElapsedTime(state.ConfirmedAt) < options.Value.MaxStaleness;

    private sealed record State(CatalogSnapshot Snapshot, long ConfirmedAt);
}
