using System.Globalization;
using Governance.Api.Features.Inference;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using MediatR;

namespace Governance.Api.Features.Privacy;

/// <summary>Presidio-style PII endpoints, and de-anonymization for those allowed to see the originals.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var pii = app.MapGroup("/api/v1/pii").RequireAuthorization(AuthorizationPolicies.AnyRole).WithTags("Privacy");
        pii.MapPost("/analyze", async (AnalyzeBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                WithReceipt(http, await mediator.Send(new AnalyzePii(body.Text ?? "", body.Entities, body.ScoreThreshold), ct)))
            .WithName("pii.analyze");
        pii.MapPost("/anonymize", async (AnonymizeBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                WithReceipt(http, await mediator.Send(
                    new AnonymizePii(body.Text ?? "", body.Entities, body.ScoreThreshold, body.Operators, body.Tenant), ct)))
            .WithName("pii.anonymize");
        app.MapPost("/api/v1/deanonymize", async (DeanonymizeBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                WithReceipt(http, await mediator.Send(new Deanonymize(body.Text ?? "", body.Tenant ?? ""), ct)))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("pii.deanonymize").WithTags("Privacy");
    }

    private static IResult WithReceipt<T>(HttpContext http, T body)
    {
        var receipt = http.RequestServices.GetRequiredService<AuditScope>().Receipt;
        if (receipt is not null)
        {
            http.Response.Headers[InferenceEndpoints.AuditSequenceHeader] = receipt.Sequence.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Ok(body);
    }
}
