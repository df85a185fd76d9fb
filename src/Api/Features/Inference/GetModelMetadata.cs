using Governance.Api.ModelStore;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Inference.Protocol;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Inference;

/// <summary>GET /v2/models/{m}[/versions/{v}]: the protocol's model metadata.</summary>
public sealed record GetModelMetadata(string ModelName, string? ModelVersion) : IRequest<ModelMetadata>, IModelCall
{
    public string AuditAction => "model.metadata";
}

public sealed class GetModelMetadataHandler(GovernanceDbContext db, ModelCatalog catalog, AuditScope scope)
    : IRequestHandler<GetModelMetadata, ModelMetadata>
{
    public async Task<ModelMetadata> Handle(GetModelMetadata request, CancellationToken cancellationToken)
    {
        var record = await ModelCatalog.ResolveAsync(db, request.ModelName, request.ModelVersion, cancellationToken);
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        var model = await catalog.EnsureLoadedAsync(record, cancellationToken);
        var versions = request.ModelVersion is not null
            ? [record.Version]
            : await db.ModelVersions.AsNoTracking().Where(m => m.Name == record.Name)
                .OrderBy(m => m.RegisteredAt).Select(m => m.Version).ToListAsync(cancellationToken);
        return ModelMetadata.From(model, versions);
    }
}
