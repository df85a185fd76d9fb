using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.Api.Persistence;
using Governance.Domain.Models;
using Governance.Inference.Runtime;

namespace Governance.Api.ModelStore;

/// <summary>
/// Makes sure registered model versions (found in the request's catalog snapshot) are loaded in the <see cref="ModelHost"/>,
/// from the content-addressed store, with the digest checked on every load.
/// </summary>
public sealed class ModelCatalog(ModelHost host, ModelLoader loader, ModelFileStore files)
{
    private readonly ConcurrentDictionary<(string, string), SemaphoreSlim> _loadLocks = new();

    // One classifier per loaded model, not per request; it goes when its model is replaced.
    private readonly ConditionalWeakTable<LoadedModel, TextClassifier> _classifiers = [];

    public static ModelManifest ManifestOf(ModelVersionRecord record) =>
        JsonSerializer.Deserialize<ModelManifest>(record.Manifest, ManifestJson.Options)
        ?? throw new InvalidOperationException($"Stored manifest of {record.Name}/{record.Version} is empty.");

    public TextClassifier TextClassifierFor(LoadedModel model) => _classifiers.GetValue(model, m => new TextClassifier(m));

    public async Task<LoadedModel> EnsureLoadedAsync(ModelVersionRecord record, CancellationToken ct)
    {
        if (host.TryGet(record.Name, record.Version, out var loaded))
        {
            return loaded;
        }

        var gate = _loadLocks.GetOrAdd((record.Name, record.Version), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (host.TryGet(record.Name, record.Version, out loaded))
            {
                return loaded;
            }

            loaded = await loader.LoadAsync(files.PathOf(record.Sha256), record.Sha256, ManifestOf(record), ct);
            host.AddOrReplace(loaded);
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }
}
