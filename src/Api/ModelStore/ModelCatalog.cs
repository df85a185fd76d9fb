using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Domain.Models;
using Governance.Inference.Batching;
using Governance.Inference.Errors;
using Governance.Inference.Remote;
using Governance.Inference.Runtime;

namespace Governance.Api.ModelStore;

/// <summary>
/// Makes sure registered model versions (found in the request's catalog snapshot) are loaded in the <see cref="ModelHost"/>,
/// from the content-addressed store, with the digest checked on every load.
/// </summary>
public sealed partial class ModelCatalog(
    ModelHost host, ModelLoader loader, ModelFileStore files, ModelLoadFailures failures, RemoteModels remotes, ILogger<ModelCatalog> logger)
{
    private readonly ConcurrentDictionary<(string, string), SemaphoreSlim> _loadLocks = new();

    // One classifier per loaded model, not per request; it goes when its model is replaced.
    private readonly ConditionalWeakTable<LoadedModel, TextClassifier> _classifiers = [];

    // One encoder (with its batcher, when the manifest opts in) per loaded model, so concurrent callers share batches.
    private readonly ConditionalWeakTable<LoadedModel, TextEncoder> _encoders = [];

    // One tensor batcher per loaded model, so concurrent /v2 callers share batches (ADR-032).
    private readonly ConditionalWeakTable<LoadedModel, TensorBatcher> _tensorBatchers = [];

    public static ModelManifest ManifestOf(ModelVersionRecord record) =>
        JsonSerializer.Deserialize<ModelManifest>(record.Manifest, ManifestJson.Options)
        ?? throw new InvalidOperationException($"Stored manifest of {record.Name}/{record.Version} is empty.");

    public TextClassifier TextClassifierFor(LoadedModel model) => _classifiers.GetValue(model, m => new TextClassifier(m));

    public TextEncoder TextEncoderFor(LoadedModel model) => _encoders.GetValue(model, m => new TextEncoder(m));

    /// <summary>What computes <paramref name="record"/>: its remote backend, or its local session (loaded if need be).</summary>
    public async Task<IModelBackend> BackendAsync(ModelVersionRecord record, CancellationToken ct)
    {
        if (host.TryGet(record.Name, record.Version, out var loaded))
        {
            return loaded;
        }

        return RemoteOf(record) ?? (IModelBackend)await EnsureLoadedAsync(record, ct);
    }

    /// <summary>The remote backend of a remote-backed version; null for a local one.</summary>
    public RemoteModel? RemoteOf(ModelVersionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (remotes.TryGet(record.Name, record.Version, out var remote))
        {
            return remote;
        }

        var manifest = ManifestOf(record);
        return manifest.IsRemote ? remotes.For(manifest) : null;
    }

    public TensorBatcher TensorBatcherFor(LoadedModel model) => _tensorBatchers.GetValue(model, m => new TensorBatcher(m));

    public async Task<LoadedModel> EnsureLoadedAsync(ModelVersionRecord record, CancellationToken ct)
    {
        if (host.TryGet(record.Name, record.Version, out var loaded))
        {
            return loaded;
        }

        if (RemoteOf(record) is not null)
        {
            throw new BadInputException(ErrorCodes.RemoteBackendUnsupported,
                $"Model {record.Name} version {record.Version} is computed by a remote backend, which only Open Inference Protocol inference (/v2) reaches.");
        }

        ThrowIfBackingOff(record);
        var gate = _loadLocks.GetOrAdd((record.Name, record.Version), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (host.TryGet(record.Name, record.Version, out loaded))
            {
                return loaded;
            }

            ThrowIfBackingOff(record);
            try
            {
                loaded = await loader.LoadAsync(files.PathOf(record.Sha256), record.Sha256, ManifestOf(record), ct);
            }
            catch (Exception ex) when (ex is InvalidModelException or ModelIntegrityException or ModelManifestMismatchException or IOException or UnauthorizedAccessException)
            {
                var failure = failures.Record(record.Name, record.Version, ex.Message);
                LogLoadFailed(logger, ex, record.Name, record.Version, failure.Attempts, failure.RetryAt);
                throw new InvalidModelException($"Model {record.Name} version {record.Version} cannot be loaded: {ex.Message}", ex);
            }

            failures.Clear(record.Name, record.Version);
            host.AddOrReplace(loaded);
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A model registered just now and already loaded (at registration) starts serving without a second load.</summary>
    public void Serve(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        failures.Clear(model.Name, model.Version);
        host.AddOrReplace(model);
    }

    // Within the backoff window a failed model is refused at once, without a new load or a logged stack trace.
    private void ThrowIfBackingOff(ModelVersionRecord record)
    {
        if (failures.Blocking(record.Name, record.Version) is { } failure)
        {
            throw new InvalidModelException(
                $"Model {record.Name} version {record.Version} failed to load {failure.Attempts} time(s), next try after {failure.RetryAt:O}: {failure.Reason}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Name}/{Version} could not be loaded (attempt {Attempts}); next attempt after {RetryAt}")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string name, string version, int attempts, DateTimeOffset retryAt);
}
