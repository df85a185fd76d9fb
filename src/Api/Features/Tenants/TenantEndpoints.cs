using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;

namespace Governance.Api.Features.Tenants;

public static class TenantEndpoints
{
    public sealed record CreateTenantBody(string? Id, string? Name, string? Region = null, string? Tier = null);

    public sealed record TenantAttributesBody(string? Region, string? Tier);

    public sealed record GrantLicenseBody(string? Model);

    public sealed record CreateClientBody(string? Name);

    public static void MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants").RequireAuthorization(AuthorizationPolicies.Admin).WithTags("Tenants");
        group.MapPost("/", async (CreateTenantBody body, IMediator mediator, CancellationToken ct) =>
        {
            var tenant = await mediator.Send(new CreateTenant(body.Id ?? "", body.Name ?? "", body.Region, body.Tier), ct);
            return Results.Created($"/api/v1/tenants/{tenant.Id}", tenant);
        }).WithName("tenant.create").Audited(AuditActions.TenantCreate);
        group.MapGet("/{tenantId}", async (string tenantId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetTenant(tenantId), ct))).WithName("tenant.read").Audited(AuditActions.TenantRead);
        group.MapPut("/{tenantId}/attributes", async (string tenantId, TenantAttributesBody body, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new SetTenantAttributes(tenantId, body.Region, body.Tier), ct))).WithName("tenant.attributes.set").Audited(AuditActions.TenantAttributesSet);
        group.MapPost("/{tenantId}/licenses", async (string tenantId, GrantLicenseBody body, IMediator mediator, CancellationToken ct) =>
        {
            var license = await mediator.Send(new GrantLicense(tenantId, body.Model ?? ""), ct);
            return Results.Created($"/api/v1/tenants/{tenantId}/licenses/{license.ModelName}", license);
        }).WithName("license.grant").Audited(AuditActions.LicenseGrant);
        group.MapDelete("/{tenantId}/licenses/{model}", async (string tenantId, string model, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new RevokeLicense(tenantId, model), ct))).WithName("license.revoke").Audited(AuditActions.LicenseRevoke);
        group.MapPost("/{tenantId}/clients", async (string tenantId, CreateClientBody body, IMediator mediator, CancellationToken ct) =>
        {
            var client = await mediator.Send(new CreateClient(tenantId, body.Name ?? ""), ct);
            return Results.Created($"/api/v1/tenants/{tenantId}/clients/{client.ClientId}", client);
        }).WithName("client.create").Audited(AuditActions.ClientCreate);
    }
}
