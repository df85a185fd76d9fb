using System.Text;
using System.Text.Json;
using Governance.Api.Errors;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Policies;

/// <summary>
/// /api/v1/policies: admins create drafts (YAML body), simulate, approve (not their own), activate;
/// admins and compliance officers read versions and evaluate explicit contexts. Tenants: 403.
/// </summary>
public static class PolicyEndpoints
{
    public sealed record ActivateBody(bool? Emergency, string? Reason);

    public sealed record EvaluateBody(int? Version, JsonElement Context, Dictionary<string, string>? Consents);

    public static void MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policies").WithTags("Policies");
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthorizationPolicies.Admin).WithName("policy.create").Audited(AuditActions.PolicyCreate)
            .Accepts<string>("application/yaml", "text/yaml", "text/plain");
        group.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListPolicies(), ct))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("policy.list").Audited(AuditActions.PolicyList);
        group.MapGet("/active", (IMediator m, CancellationToken ct) => m.Send(new GetPolicy(null), ct))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("policy.active").Audited(AuditActions.PolicyRead);
        group.MapGet("/{version:int}", (int version, IMediator m, CancellationToken ct) => m.Send(new GetPolicy(version), ct))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("policy.read").Audited(AuditActions.PolicyRead);
        group.MapPost("/{version:int}/simulate", SimulateAsync).RequireAuthorization(AuthorizationPolicies.Admin).WithName("policy.simulate").Audited(AuditActions.PolicySimulate);
        group.MapPost("/{version:int}/approve", (int version, IMediator m, CancellationToken ct) => m.Send(new ApprovePolicy(version), ct))
            .RequireAuthorization(AuthorizationPolicies.Admin).WithName("policy.approve").Audited(AuditActions.PolicyApprove);
        group.MapPost("/{version:int}/activate", (int version, ActivateBody? body, IMediator m, CancellationToken ct) =>
                m.Send(new ActivatePolicy(version, body?.Emergency ?? false, body?.Reason), ct))
            .RequireAuthorization(AuthorizationPolicies.Admin).WithName("policy.activate").Audited(AuditActions.PolicyActivate);
        group.MapPost("/evaluate", (EvaluateBody body, IMediator m, CancellationToken ct) => m.Send(new EvaluatePolicy(body.Version, body.Context, body.Consents), ct))
            .RequireAuthorization(AuthorizationPolicies.Compliance).WithName("policy.evaluate").Audited(AuditActions.PolicyEvaluate);
    }

    // Strict UTF-8: a lenient reader would store U+FFFD where the author's bytes were, a draft nobody wrote.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static async Task<IResult> CreateAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, StrictUtf8);
        string source;
        try
        {
            source = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            throw new GovernanceException(StatusCodes.Status400BadRequest, PolicyErrorCodes.Invalid, "The policy document is not valid UTF-8; none was stored.");
        }

        var created = await mediator.Send(new CreatePolicyDraft(source), ct);
        return Results.Created($"/api/v1/policies/{created.Version}", created);
    }

    /// <summary>Window from the query: from/to (ISO 8601), default the last 7 days; limit default 100,000.</summary>
    private static Task<SimulationDto> SimulateAsync(int version, DateTimeOffset? from, DateTimeOffset? to, int? limit, IMediator mediator, TimeProvider time, CancellationToken ct)
    {
        var end = to ?? time.GetUtcNow();
        return mediator.Send(new SimulatePolicy(version, from ?? end.AddDays(-7), end, limit ?? 100_000), ct);
    }
}
