using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

/// <summary>
/// Replaces a tenant's region and tier (null clears one). Audited like every command: a tenant moving
/// region changes what policies decide for it, so who changed it and when must be on the record.
/// </summary>
public sealed record SetTenantAttributes(string TenantId, string? Region, string? Tier) : IRequest<TenantDto>, IAdminCommand
{
    public string AuditAction => AuditActions.TenantAttributesSet;

    public int SuccessStatusCode => StatusCodes.Status200OK;
}

public sealed class SetTenantAttributesValidator : AbstractValidator<SetTenantAttributes>
{
    public SetTenantAttributesValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty().MaximumLength(63);
        RuleFor(r => r.Region).Must(TenantAttributes.IsRegion)
            .WithMessage($"Region must be one of: {string.Join(", ", TenantAttributes.Regions)} (or null).");
        RuleFor(r => r.Tier).Must(TenantAttributes.IsTier)
            .WithMessage($"Tier must be one of: {string.Join(", ", TenantAttributes.Tiers)} (or null).");
    }
}

public sealed class SetTenantAttributesHandler(GovernanceDbContext db, AuditScope scope) : IRequestHandler<SetTenantAttributes, TenantDto>
{
    public async Task<TenantDto> Handle(SetTenantAttributes request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.TenantId;
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == request.TenantId, cancellationToken)
            ?? throw new NotFoundException($"Tenant '{request.TenantId}' does not exist.");
        tenant.Region = request.Region;
        tenant.Tier = request.Tier;
        await db.SaveChangesAsync(cancellationToken);
        return TenantDto.From(tenant);
    }
}
