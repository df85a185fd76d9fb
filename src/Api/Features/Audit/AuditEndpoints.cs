using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Audit.Publishing;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Audit;

public static class AuditEndpoints
{
    public const string WellKnownKeysPath = "/.well-known/governance/audit-keys";

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
        compliance.MapPost("/checkpoints/{size:long}/cosignatures", async (long size, CosignatureBody body, IMediator mediator, CancellationToken ct) =>
        {
            var checkpoint = await mediator.Send(new AddCosignature(size, body.Signature), ct);
            return Results.Created($"/api/v1/audit/checkpoints/{checkpoint.TreeSize}", checkpoint);
        }).WithName("audit.cosignature.add").Audited(AuditActions.AuditCosignatureAdd);
        compliance.MapGet("/proofs/inclusion", async ([FromQuery] long? sequence, [FromQuery(Name = "tree_size")] long? treeSize, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetInclusionProof(sequence, treeSize), ct))).WithName("audit.proof.inclusion").Audited(AuditActions.AuditProofInclusion);
        compliance.MapGet("/proofs/consistency", async ([FromQuery] long? first, [FromQuery] long? second, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetConsistencyProof(first, second), ct))).WithName("audit.proof.consistency").Audited(AuditActions.AuditProofConsistency);
        compliance.MapGet("/verify", async (IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new VerifyAuditLog(), ct))).WithName("audit.verify").Audited(AuditActions.AuditVerify);

        // Public keys are public: anyone pins them, and reading them is not worth an audit entry each.
        app.MapGet("/api/v1/audit/keys", Keys).AllowAnonymous().WithName("audit.keys").WithTags("Audit");
        app.MapGet(WellKnownKeysPath, Keys).AllowAnonymous().WithName("audit.keys.well-known").WithTags("Audit");

        // Tenants check their own receipts; the handler answers 404 for anyone else's.
        app.MapGet("/api/v1/audit/receipts/{sequence:long}/proof", async (long sequence, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetReceiptProof(sequence), ct)))
            .RequireAuthorization(AuthorizationPolicies.AnyRole)
            .WithName("audit.receipt.proof")
            .Audited(AuditActions.AuditReceiptProof)
            .WithTags("Audit");

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

    private static IResult Keys(AuditKeys keys, CheckpointPublisher publisher, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Ok(AuditKeysView.Of(publisher.Origin, keys));
    }
}
