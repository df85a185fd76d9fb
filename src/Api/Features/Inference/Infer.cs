using Governance.Api.Catalog;
using Governance.Api.ModelStore;
using Governance.Api.Pipeline;
using Governance.Api.PolicyEngine;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Inference.Protocol;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>Open Inference Protocol inference on a licensed model version.</summary>
public sealed record Infer(string ModelName, string? ModelVersion, InferenceRequest Body) : IRequest<InferenceResponse>, IInferenceCall
{
    public string AuditAction => AuditActions.ModelInfer;
}

public sealed class InferHandler(
    CatalogView view, ModelCatalog catalog, AuditScope scope, ObligationAnonymizer anonymizer, CurrentPrincipal principal)
    : IRequestHandler<Infer, InferenceResponse>
{
    public async Task<InferenceResponse> Handle(Infer request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        // Text tensors reach the model, the client and the trail's digests only anonymized.
        var privacy = anonymizer.Begin(record.Name, principal.TenantId!);
        var body = privacy.Request(request.Body);
        scope.InputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(body));
        var model = await catalog.EnsureLoadedAsync(record, cancellationToken);
        var output = TextInput.TryRead(body, model.Manifest, out var texts)
            ? await TextInference.RunAsync(catalog, model, body, texts, cancellationToken)
            : await model.RunAsync(body, cancellationToken);
        var response = privacy.Response(output);
        scope.OutputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(response));
        return response;
    }
}
