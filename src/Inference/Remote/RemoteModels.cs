using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Governance.Domain.Models;
using Microsoft.Extensions.Options;

namespace Governance.Inference.Remote;

/// <summary>
/// The remote-backed model versions, one <see cref="RemoteModel"/> each, made on first use from the registered
/// manifest (versions are immutable, so an entry never goes stale). Nothing is loaded: the backend holds the model.
/// </summary>
public sealed class RemoteModels(IHttpClientFactory clients, IOptions<RemoteBackendOptions> options, RemoteTelemetry telemetry)
{
    private readonly ConcurrentDictionary<(string Name, string Version), RemoteModel> _models = new();

    public bool TryGet(string name, string version, [NotNullWhen(true)] out RemoteModel? model) =>
        _models.TryGetValue((name, version), out model);

    public RemoteModel For(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return _models.GetOrAdd((manifest.Name, manifest.Version), _ => Create(manifest));
    }

    /// <summary>A model not (yet) registered, e.g. to probe its backend at registration.</summary>
    public RemoteModel Create(ModelManifest manifest) => new(manifest, clients, options.Value, telemetry);
}
