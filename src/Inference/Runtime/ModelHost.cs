using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Governance.Inference.ExecutionProviders;

namespace Governance.Inference.Runtime;

/// <summary>
/// The models this process serves, by (name, version). Thread-safe; a model replaced or removed
/// is disposed, and runs already in flight on it still complete (see <see cref="LoadedModel"/>).
/// </summary>
public sealed class ModelHost(SessionFactory sessions) : IDisposable
{
    private readonly ConcurrentDictionary<(string Name, string Version), Entry> _models = new();
    private long _sequence;

    /// <summary>The provider sessions are created on: "CUDAExecutionProvider" or "CPUExecutionProvider".</summary>
    public string ActiveExecutionProvider => sessions.ActiveExecutionProvider;

    public int Count => _models.Count;

    /// <summary>Serves <paramref name="model"/>; a model already loaded under the same name and version is unloaded.</summary>
    public void AddOrReplace(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(model.IsDisposed, model);
        var entry = new Entry(model, Interlocked.Increment(ref _sequence));
        Entry? previous = null;
        _models.AddOrUpdate((model.Name, model.Version), entry, (_, old) =>
        {
            previous = old;
            return entry;
        });
        if (previous is not null && !ReferenceEquals(previous.Model, model))
        {
            previous.Model.Dispose();
        }
    }

    public bool TryRemove(string name, string version)
    {
        if (!_models.TryRemove((name, version), out var entry))
        {
            return false;
        }

        entry.Model.Dispose();
        return true;
    }

    public bool TryGet(string name, string version, [NotNullWhen(true)] out LoadedModel? model)
    {
        model = _models.TryGetValue((name, version), out var entry) ? entry.Model : null;
        return model is not null;
    }

    /// <summary>The most recently loaded version of <paramref name="name"/>: what a request naming no version gets.</summary>
    public bool TryGetLatest(string name, [NotNullWhen(true)] out LoadedModel? model)
    {
        Entry? latest = null;
        foreach (var (key, entry) in _models)
        {
            if (string.Equals(key.Name, name, StringComparison.Ordinal) && (latest is null || entry.Sequence > latest.Sequence))
            {
                latest = entry;
            }
        }

        model = latest?.Model;
        return model is not null;
    }

    /// <summary>Whether the version (or, with no version, any version) of the model is loaded and serving.</summary>
    public bool IsReady(string name, string? version = null) =>
        version is null ? TryGetLatest(name, out var model) && !model.IsDisposed
            : TryGet(name, version, out model) && !model.IsDisposed;

    /// <summary>Loaded versions of <paramref name="name"/>, oldest load first.</summary>
    public IReadOnlyList<string> GetVersions(string name)
    {
        var entries = new List<Entry>();
        foreach (var (key, entry) in _models)
        {
            if (string.Equals(key.Name, name, StringComparison.Ordinal))
            {
                entries.Add(entry);
            }
        }

        entries.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var versions = new string[entries.Count];
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = entries[i].Model.Version;
        }

        return versions;
    }

    /// <summary>Every loaded model, for health and metrics.</summary>
    public IReadOnlyList<LoadedModel> Snapshot()
    {
        var models = new List<LoadedModel>(_models.Count);
        foreach (var (_, entry) in _models)
        {
            models.Add(entry.Model);
        }

        return models;
    }

    public void Dispose()
    {
        foreach (var key in _models.Keys)
        {
            TryRemove(key.Name, key.Version);
        }
    }

    private sealed record Entry(LoadedModel Model, long Sequence);
}
