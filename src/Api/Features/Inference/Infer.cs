using System.Diagnostics;
using Governance.Api.Anonymization;
using Governance.Api.Catalog;
using Governance.Api.ModelStore;
using Governance.Api.Observability;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>Open Inference Protocol inference on a licensed model version.</summary>
public sealed record Infer(string ModelName, string? ModelVersion, InferenceRequest Body) : IRequest<InferenceResponse>, IInferenceCall
{
    public string AuditAction => AuditActions.ModelInfer;
}

public sealed class InferHandler(
    CatalogView view, ModelCatalog catalog, AuditScope scope, ModelAnonymizer anonymizer, CurrentPrincipal principal,
    GovernanceTelemetry telemetry)
    : IRequestHandler<Infer, InferenceResponse>
{
    public async Task<InferenceResponse> Handle(Infer request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        var remote = catalog.RemoteOf(record);
        // A remote-backed version is not in the local host, but it is registered: its name is a bounded label.
        var labels = remote is null ? telemetry.Labels(record.Name, record.Version) : new ModelLabels(record.Name, record.Version);
        // Text tensors reach the model, the client and the trail's digests only anonymized.
        var anonymizing = Stopwatch.GetTimestamp();
        var privacy = anonymizer.Begin(record.Name, principal.TenantId!);
        var body = privacy.Request(request.Body);
        var anonymization = Stopwatch.GetElapsedTime(anonymizing);
        scope.InputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(body));
        IModelBackend model;
        using (telemetry.Time(StageNames.Queue, labels))
        {
            model = remote ?? await catalog.BackendAsync(record, cancellationToken);
        }

        // Timed by hand, not with a using: only a run that gave outputs counts as an inference.
        var activity = GovernanceTelemetry.Activities.StartActivity(StageNames.Compute);
        var computing = Stopwatch.GetTimestamp();
        InferenceResponse output;
        var executions = 1;
        if (model is not LoadedModel local)
        {
            output = await model.RunAsync(body, cancellationToken);
        }
        else if (TextInput.TryRead(body, local.Manifest, out var texts))
        {
            output = await TextInference.RunAsync(catalog, local, body, texts, cancellationToken);
        }
        else
        {
            (output, executions) = await catalog.TensorBatcherFor(local).RunAsync(body, cancellationToken);
        }

        telemetry.Stage(StageNames.Compute, labels, Stopwatch.GetElapsedTime(computing), executions);
        activity?.Dispose();
        anonymizing = Stopwatch.GetTimestamp();
        var response = privacy.Response(output);
        telemetry.Stage(StageNames.Anonymization, labels, anonymization + Stopwatch.GetElapsedTime(anonymizing));
        scope.OutputDigest = PayloadDigest.OfBytes(OipJson.SerializeToUtf8Bytes(response));
        return response;
    }
}
