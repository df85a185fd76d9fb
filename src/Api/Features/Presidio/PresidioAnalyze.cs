using System.Text.Json;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using MediatR;

namespace Governance.Api.Features.Presidio;

/// <summary>Presidio's POST /analyze: the body as Presidio's clients send it, read field by field.</summary>
public sealed record PresidioAnalyze(JsonElement Body) : IRequest<PresidioAnalyzeResponse>, IAuditedRequest
{
    public string AuditAction => AuditActions.PresidioAnalyze;
}

public sealed class PresidioAnalyzeHandler(PiiEngine engine, AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<PresidioAnalyze, PresidioAnalyzeResponse>
{
    public Task<PresidioAnalyzeResponse> Handle(PresidioAnalyze request, CancellationToken cancellationToken)
    {
        scope.TenantId = principal.TenantId;
        var options = AnalyzerOptionsReader.Read(request.Body, engine.EntityTypes);
        var analyzer = PresidioRecognizers.Analyzer(engine, options.AdHoc);
        var analysis = new PiiAnalysisRequest
        {
            Entities = options.Entities,
            ScoreThreshold = options.ScoreThreshold,
            Context = options.Context,
            Explain = true,
        };

        var results = new List<IReadOnlyList<PresidioRecognizerResult>>(options.Texts.Count);
        foreach (var text in options.Texts)
        {
            var found = new List<PresidioRecognizerResult>();
            foreach (var entity in analyzer.Analyze(text, analysis))
            {
                if (!options.AllowList.Allows(text, entity.Start, entity.End))
                {
                    found.Add(PresidioRecognizers.ToResult(entity, analyzer, options.ReturnDecisionProcess));
                }
            }

            results.Add(found);
        }

        // Spans and types only: no digest of the raw text, which a guess could reverse.
        scope.OutputDigest = PayloadDigest.Of(results);
        return Task.FromResult(new PresidioAnalyzeResponse(options.Batched, results));
    }
}
