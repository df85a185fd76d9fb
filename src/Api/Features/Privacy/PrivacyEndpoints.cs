using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Privacy;

/// <summary>Presidio-style PII endpoints, and de-anonymization for those allowed to see the originals.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var pii = app.MapGroup("/api/v1/pii").RequireAuthorization(AuthorizationPolicies.AnyRole).WithTags("Privacy");
        pii.MapPost("/analyze", async (AnalyzeBody body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new AnalyzePii(body.Text ?? "", body.Entities, body.ScoreThreshold), ct)))
            .WithName("pii.analyze").Audited(AuditActions.PiiAnalyze);
        pii.MapPost("/anonymize", async (AnonymizeBody body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(
                    new AnonymizePii(body.Text ?? "", body.Entities, body.ScoreThreshold, body.Operators, body.Tenant), ct)))
            .WithName("pii.anonymize").Audited(AuditActions.PiiAnonymize);
        app.MapPost("/api/v1/deanonymize", async (DeanonymizeBody body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new Deanonymize(body.Text ?? "", body.Tenant ?? ""), ct)))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("pii.deanonymize").WithTags("Privacy").Audited(AuditActions.PiiDeanonymize);
    }
}
