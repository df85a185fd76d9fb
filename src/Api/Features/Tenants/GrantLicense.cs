using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

/// <summary>Lets a tenant call every version of a model (licensing proper, with terms and quotas, comes later).</summary>
public sealed record GrantLicense(string TenantId, string ModelName) : IRequest<LicenseDto>, IAdminCommand
{
    public string AuditAction => AuditActions.LicenseGrant;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed record LicenseDto(string TenantId, string ModelName, DateTimeOffset GrantedAt);

public sealed class GrantLicenseValidator : AbstractValidator<GrantLicense>
{
    public GrantLicenseValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty().MaximumLength(63);
        RuleFor(r => r.ModelName).NotEmpty().MaximumLength(63);
    }
}

public sealed class GrantLicenseHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<GrantLicense, LicenseDto>
{
    public async Task<LicenseDto> Handle(GrantLicense request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.TenantId;
        scope.ModelName = request.ModelName;
        if (!await db.Tenants.AnyAsync(t => t.Id == request.TenantId, cancellationToken))
        {
            throw new NotFoundException($"Tenant '{request.TenantId}' does not exist.");
        }

        if (!await db.ModelVersions.AnyAsync(m => m.Name == request.ModelName, cancellationToken))
        {
            throw new NotFoundException($"Model '{request.ModelName}' is not registered.");
        }

        var existing = await db.LicenseGrants.SingleOrDefaultAsync(g => g.TenantId == request.TenantId && g.ModelName == request.ModelName, cancellationToken);
        if (existing is { RevokedAt: null })
        {
            throw new ConflictException($"Tenant '{request.TenantId}' already holds a license for '{request.ModelName}'.");
        }

        if (existing is not null)
        {
            // Granted again after a revocation: the row is the grant in force; the trail keeps the history.
            (existing.GrantedAt, existing.GrantedBy, existing.RevokedAt, existing.RevokedBy) = (time.GetUtcNow(), principal.Id, null, null);
            await db.SaveChangesAsync(cancellationToken);
            return new LicenseDto(existing.TenantId, existing.ModelName, existing.GrantedAt);
        }

        var grant = new LicenseGrantRecord
        {
            TenantId = request.TenantId,
            ModelName = request.ModelName,
            GrantedAt = time.GetUtcNow(),
            GrantedBy = principal.Id,
        };
        db.LicenseGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return new LicenseDto(grant.TenantId, grant.ModelName, grant.GrantedAt);
    }
}
