using Governance.Api.Security;
using MediatR;

namespace Governance.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit/entries/{sequence:long}", async (long sequence, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetAuditEntry(sequence), ct)))
            .RequireAuthorization(AuthorizationPolicies.Compliance)
            .WithName("audit.read")
            .WithTags("Audit");
    }
}
