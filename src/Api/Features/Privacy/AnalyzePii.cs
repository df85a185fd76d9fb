using FluentValidation;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using MediatR;

namespace Governance.Api.Features.Privacy;

/// <summary>Presidio's analyze: which personal data a text holds, where, how sure, and who found it.</summary>
public sealed record AnalyzePii(string Text, IReadOnlyList<string>? Entities, double? ScoreThreshold)
    : IRequest<IReadOnlyList<PiiSpanDto>>, IAuditedRequest
{
    public string AuditAction => AuditActions.PiiAnalyze;
}

public sealed class AnalyzePiiValidator : AbstractValidator<AnalyzePii>
{
    public AnalyzePiiValidator(PiiEngine engine)
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("'text' is required.")
            .MaximumLength(PiiRules.MaxTextLength).WithMessage($"'text' may hold at most {PiiRules.MaxTextLength} characters.");
        RuleForEach(r => r.Entities).Must(engine.EntityTypes.Contains).WithMessage((_, type) => $"Unknown entity type '{type}'.");
        RuleFor(r => r.ScoreThreshold).InclusiveBetween(0, 1).OverridePropertyName("score_threshold");
    }
}

public sealed class AnalyzePiiHandler(PiiEngine engine, AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<AnalyzePii, IReadOnlyList<PiiSpanDto>>
{
    public Task<IReadOnlyList<PiiSpanDto>> Handle(AnalyzePii request, CancellationToken cancellationToken)
    {
        scope.TenantId = principal.TenantId;
        var found = engine.Analyze(request.Text, request.Entities, request.ScoreThreshold);
        var spans = new List<PiiSpanDto>(found.Count);
        foreach (var e in found)
        {
            spans.Add(new PiiSpanDto(e.EntityType, e.Start, e.End, e.Score, e.Recognizer));
        }

        // No input digest: a digest of a short raw text could be reversed by guessing. The spans hold no values.
        scope.OutputDigest = PayloadDigest.Of(spans);
        return Task.FromResult<IReadOnlyList<PiiSpanDto>>(spans);
    }
}
