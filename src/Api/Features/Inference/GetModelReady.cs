using Governance.Api.Catalog;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using Governance.Inference.Runtime;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>GET /v2/models/{m}[/versions/{v}]/ready: is this version loaded and able to infer here.</summary>
public sealed record GetModelReady(string ModelName, string? ModelVersion) : IRequest<ModelReadiness>, IModelCall
{
    public string AuditAction => AuditActions.ModelReady;
}

/// <summary>
/// <see cref="Reason"/>: why the version cannot serve here, when its load failed. <see cref="LoadedVersions"/>: the
/// model's versions loaded in this process, oldest load first; <see cref="Sessions"/>: this version's session pool (ADR-031).
/// </summary>
public sealed record ModelReadiness(
    string Name, string Version, bool Ready, string? ExecutionProvider, string? Reason = null,
    IReadOnlyList<string>? LoadedVersions = null, SessionPoolState? Sessions = null);

public sealed class GetModelReadyHandler(CatalogView view, ModelHost host, ModelCatalog catalog, ModelLoadFailures failures, AuditScope scope)
    : IRequestHandler<GetModelReady, ModelReadiness>
{
    public async Task<ModelReadiness> Handle(GetModelReady request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        if (catalog.RemoteOf(record) is { } remote)
        {
            // Ready here means the backend says so now (through the same circuit breaker as inference).
            var (remoteReady, remoteReason) = await remote.ReadyAsync(cancellationToken);
            return new ModelReadiness(record.Name, record.Version, remoteReady, remote.ExecutionProvider, remoteReason);
        }

        var ready = host.TryGet(record.Name, record.Version, out var model);
        var reason = ready ? null : failures.Find(record.Name, record.Version)?.Reason;
        return new ModelReadiness(record.Name, record.Version, ready, model?.ExecutionProvider, reason, host.GetVersions(record.Name), model?.Sessions);
    }
}
