using System.Collections.Concurrent;

namespace Governance.Api.ModelStore;

/// <summary>
/// Model versions that failed to load here, with when to try again: a broken model is retried with
/// exponential backoff (2 s doubling, at most 5 min) instead of on every call, and readiness lists them.
/// </summary>
public sealed class ModelLoadFailures(TimeProvider time)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Name, string Version), ModelLoadFailure> _failures = new();

    /// <summary>The failure still in its backoff window, if any: callers refuse at once with it.</summary>
    public ModelLoadFailure? Blocking(string name, string version) =>
        _failures.TryGetValue((name, version), out var failure) && time.GetUtcNow() < failure.RetryAt ? failure : null;

    public ModelLoadFailure? Find(string name, string version) => _failures.TryGetValue((name, version), out var failure) ? failure : null;

    public ModelLoadFailure Record(string name, string version, string reason)
    {
        return _failures.AddOrUpdate((name, version),
            _ => new ModelLoadFailure(name, version, reason, 1, time.GetUtcNow() + FirstDelay),
            (_, previous) =>
            {
                var attempts = previous.Attempts + 1;
                var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(attempts - 1, 20)));
                return new ModelLoadFailure(name, version, reason, attempts, time.GetUtcNow() + delay);
            });
    }

    public void Clear(string name, string version) => _failures.TryRemove((name, version), out _);

    public IReadOnlyList<ModelLoadFailure> Snapshot() => [.. _failures.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Version, StringComparer.Ordinal)];
}

/// <summary>Why a model version cannot serve here, how often loading failed, and when it is tried again.</summary>
public sealed record ModelLoadFailure(string Name, string Version, string Reason, int Attempts, DateTimeOffset RetryAt);
