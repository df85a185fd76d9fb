using Governance.Api.ModelStore;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Inference.Protocol;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>Open Inference Protocol inference on a licensed model version.</summary>
public sealed record Infer(string ModelName, string? ModelVersion, InferenceRequest Body) : IRequest<InferenceResponse>, IInferenceCall
{
    public string AuditAction => "model.infer";
}

public sealed class InferHandler(GovernanceDbContext db, ModelCatalog catalog, AuditScope scope) : IRequestHandler<Infer, InferenceResponse>
{
    public async Task<InferenceResponse> Handle(Infer request, CancellationToken cancellationToken)
    {
        var record = await ModelCatalog.ResolveAsync(db, request.ModelName, request.ModelVersion, cancellationToken);
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        scope.InputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(request.Body));
        var model = await catalog.EnsureLoadedAsync(record, cancellationToken);
        var response = await model.RunAsync(request.Body, cancellationToken);
        scope.OutputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(response));
        return response;
    }
}
