using System.Diagnostics;
using FluentValidation;
using Governance.Api.Anonymization;
using Governance.Api.Catalog;
using Governance.Api.Errors;
using Governance.Api.ModelStore;
using Governance.Api.Observability;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Inference.Runtime;
using MediatR;

namespace Governance.Api.Features.Inference;

/// <summary>The friendly text endpoint: text in, labels with scores out (text-classification models).</summary>
public sealed record Predict(string ModelName, string? ModelVersion, string Text) : IRequest<PredictResult>, IInferenceCall
{
    public string AuditAction => AuditActions.ModelPredict;
}

public sealed record PredictResult(string Model, string Version, IReadOnlyList<LabelScore> Labels, IReadOnlyList<AnonymizedCount> Anonymized);

public sealed class PredictValidator : AbstractValidator<Predict>
{
    public const int MaxTextLength = 100_000;

    public PredictValidator()
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("'text' is required.")
            .MaximumLength(MaxTextLength).WithMessage($"'text' may hold at most {MaxTextLength} characters.");
    }
}

public sealed class PredictHandler(
    CatalogView view, ModelCatalog catalog, AuditScope scope, ModelAnonymizer anonymizer, CurrentPrincipal principal,
    GovernanceTelemetry telemetry)
    : IRequestHandler<Predict, PredictResult>
{
    public async Task<PredictResult> Handle(Predict request, CancellationToken cancellationToken)
    {
        var record = (await view.ResolveAsync(request.ModelName, request.ModelVersion, cancellationToken)).Record;
        scope.ModelVersion = record.Version;
        scope.ModelDigest = record.Sha256;
        // The model sees only the anonymized text, and the trail holds only its digest: nothing derived from raw PII.
        var labels = telemetry.Labels(record.Name, record.Version);
        AnonymizedInput input;
        using (telemetry.Time(StageNames.Anonymization, labels))
        {
            input = anonymizer.Apply(record.Name, principal.TenantId!, request.Text);
        }

        scope.InputDigest = PayloadDigest.OfText(input.Text);
        LoadedModel model;
        using (telemetry.Time(StageNames.Queue, labels))
        {
            model = await catalog.EnsureLoadedAsync(record, cancellationToken);
        }

        if (model.Manifest.Featurizer is null || model.Manifest.Labels.Count == 0)
        {
            throw new BadInputException(ErrorCodes.InvalidInput,
                $"Model '{record.Name}' is not a text classifier; call /v2/models/{record.Name}/infer instead.");
        }

        var activity = GovernanceTelemetry.Activities.StartActivity(StageNames.Compute);
        var computing = Stopwatch.GetTimestamp();
        var scores = catalog.TextClassifierFor(model).Predict(input.Text, cancellationToken);
        telemetry.Stage(StageNames.Compute, labels, Stopwatch.GetElapsedTime(computing));
        activity?.Dispose();
        var result = new PredictResult(record.Name, record.Version, scores, input.Anonymized);
        scope.OutputDigest = PayloadDigest.Of(result);
        return result;
    }
}
