using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var compliance = app.MapGroup("/api/v1/audit").RequireAuthorization(AuthorizationPolicies.Compliance).WithTags("Audit");
        compliance.MapGet("/entries/{sequence:long}", async (long sequence, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetAuditEntry(sequence), ct))).WithName("audit.read").Audited(AuditActions.AuditRead);
        compliance.MapGet("/checkpoints/latest", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetLatestCheckpoint(), ct))).WithName("audit.checkpoint.read").Audited(AuditActions.AuditCheckpointRead);
        compliance.MapPost("/checkpoints", async (IMediator mediator, CancellationToken ct) =>
        {
            var checkpoint = await mediator.Send(new PublishCheckpoint(), ct);
            return Results.Created($"/api/v1/audit/checkpoints/{checkpoint.TreeSize}", checkpoint);
        }).WithName("audit.checkpoint.publish").Audited(AuditActions.AuditCheckpointPublish);
        compliance.MapGet("/proofs/inclusion", async ([FromQuery] long? sequence, [FromQuery(Name = "tree_size")] long? treeSize, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetInclusionProof(sequence, treeSize), ct))).WithName("audit.proof.inclusion").Audited(AuditActions.AuditProofInclusion);
        compliance.MapGet("/proofs/consistency", async ([FromQuery] long? first, [FromQuery] long? second, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetConsistencyProof(first, second), ct))).WithName("audit.proof.consistency").Audited(AuditActions.AuditProofConsistency);
        compliance.MapGet("/verify", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new VerifyAuditLog(), ct))).WithName("audit.verify").Audited(AuditActions.AuditVerify);

        // Tenants may search too; the handler pins them to their own tenant.
        app.MapGet("/api/v1/audit/entries", async (
                [FromQuery] string? tenant, [FromQuery] string? actor, [FromQuery] string? model, [FromQuery] string? outcome,
                [FromQuery] string? action, [FromQuery(Name = "data_subject")] string? dataSubject, [FromQuery] string? decision,
                [FromQuery] string? rule, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? cursor, [FromQuery] string? limit,
                IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ListAuditEntries(tenant, actor, model, outcome, action, dataSubject, from, to, cursor, limit)
                {
                    Decision = decision,
                    Rule = rule,
                }, ct)))
            .RequireAuthorization(AuthorizationPolicies.AnyRole)
            .WithName("audit.list")
            .Audited(AuditActions.AuditList)
            .WithTags("Audit");
    }
}
