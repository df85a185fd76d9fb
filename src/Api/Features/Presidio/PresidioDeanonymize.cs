using System.Text.Json;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's POST /deanonymize: decrypts the spans named in anonymizer_results with the caller's keys
/// (Presidio's AES-CBC tokens). An entity with neither its own deanonymizer nor a DEFAULT is refused.
/// </summary>
public sealed record PresidioDeanonymize(JsonElement Body) : IRequest<PresidioEngineResult>, IAuditedRequest
{
    public string AuditAction => AuditActions.PresidioDeanonymize;
}

public sealed class PresidioDeanonymizeHandler(AuditScope scope, CurrentPrincipal principal)
    : IRequestHandler<PresidioDeanonymize, PresidioEngineResult>
{
    private static readonly string[] Known = ["text", "deanonymizers", "anonymizer_results"];

    public Task<PresidioEngineResult> Handle(PresidioDeanonymize request, CancellationToken cancellationToken)
    {
        scope.TenantId = principal.TenantId;
        var json = PresidioBodies.NonEmpty(request.Body, "the /deanonymize request", Known);
        var text = json.String("text") ?? "";
        var operators = PresidioOperator.ReadAll(json.Get("deanonymizers"), "deanonymizers", deanonymize: true);
        var spans = PresidioTextEngine.ReadSpans(json.Get("anonymizer_results"), "anonymizer_results", text.Length);
        foreach (var span in spans)
        {
            if (!operators.ContainsKey(span.EntityType) && !operators.ContainsKey(PresidioOperator.Default))
            {
                throw new PresidioRequestException($"No deanonymizer for entity type '{span.EntityType}'; name one in 'deanonymizers' or give a DEFAULT.");
            }
        }

        // No output digest: the output is the personal data itself.
        scope.InputDigest = PayloadDigest.OfText(text);
        return Task.FromResult(PresidioTextEngine.Operate(text, spans, operators, PresidioOperator.Replace, resolveConflicts: false));
    }
}
