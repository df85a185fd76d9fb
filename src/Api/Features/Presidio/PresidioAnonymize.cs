using System.Text.Json;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using Governance.Domain.Privacy;
using MediatR;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's POST /anonymize: the caller's analyzer_results are applied exactly as given (never
/// re-analyzed); only when the body has no analyzer_results at all is the text analyzed here first,
/// with this surface's analyzer (a convenience Presidio's anonymizer does not offer).
/// </summary>
public sealed record PresidioAnonymize(JsonElement Body) : IRequest<PresidioEngineResult>, IAuditedRequest
{
    public string AuditAction => AuditActions.PresidioAnonymize;
}

public sealed class PresidioAnonymizeHandler(PiiEngine engine, AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<PresidioAnonymize, PresidioEngineResult>
{
    private static readonly string[] Known = ["text", "anonymizers", "analyzer_results"];

    public Task<PresidioEngineResult> Handle(PresidioAnonymize request, CancellationToken cancellationToken)
    {
        scope.TenantId = principal.TenantId;
        var json = PresidioBodies.NonEmpty(request.Body, "the /anonymize request", Known);
        var text = json.String("text") ?? "";
        if (text.Length > AnalyzerOptionsReader.MaxTextLength)
        {
            throw new PresidioRequestException($"'text' may hold at most {AnalyzerOptionsReader.MaxTextLength} characters.");
        }

        var operators = PresidioOperator.ReadAll(json.Get("anonymizers"), "anonymizers", deanonymize: false);
        var spans = json.Has("analyzer_results")
            ? PresidioTextEngine.ReadSpans(json.Get("analyzer_results"), "analyzer_results", text.Length)
            : Analyze(text);
        var result = PresidioTextEngine.Operate(text, spans, operators, PresidioOperator.Replace, resolveConflicts: true);

        // Where and how only: an item's text may be an original value (keep), so no digest of text leaves.
        scope.OutputDigest = PayloadDigest.Of(result.Items.Select(i => new { i.Start, i.End, i.EntityType, i.Operator }).ToArray());
        return Task.FromResult(result);
    }

    private List<PresidioSpan> Analyze(string text)
    {
        var spans = new List<PresidioSpan>();
        foreach (var e in PresidioRecognizers.Analyzer(engine, []).Analyze(text, new PiiAnalysisRequest { Explain = true }))
        {
            spans.Add(new PresidioSpan(e.EntityType, e.Start, e.End, e.Score));
        }

        return spans;
    }
}
