using Governance.Api.Catalog;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using Governance.Inference.Protocol;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>GET /v2/models/{m}[/versions/{v}]: the protocol's model metadata.</summary>
public sealed record GetModelMetadata(string ModelName, string? ModelVersion) : IRequest<ModelMetadata>, IModelCall
{
    public string AuditAction => AuditActions.ModelMetadata;
}

public sealed class GetModelMetadataHandler(CatalogView view, ModelCatalog catalog, AuditScope scope)
    : IRequestHandler<GetModelMetadata, ModelMetadata>
{
    public async Task<ModelMetadata> Handle(GetModelMetadata request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        var model = await catalog.BackendAsync(record, cancellationToken);
        var versions = request.ModelVersion is not null
            ? [record.Version]
            : ((await view.GetAsync(cancellationToken)).Served(record.Name)?.Versions ?? []).Reverse().ToList();
        return ModelMetadata.From(model, versions);
    }
}
