using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

/// <summary>
/// Withdraws a tenant's license for a model. Binding on every API process before the answer leaves
/// (the catalog fence, ADR-015): the tenant's next call anywhere is decided without it.
/// </summary>
public sealed record RevokeLicense(string TenantId, string ModelName) : IRequest<RevokedLicenseDto>, IAdminCommand
{
    public string AuditAction => AuditActions.LicenseRevoke;

    public int SuccessStatusCode => StatusCodes.Status200OK;
}

public sealed record RevokedLicenseDto(string TenantId, string ModelName, DateTimeOffset RevokedAt);

public sealed class RevokeLicenseValidator : AbstractValidator<RevokeLicense>
{
    public RevokeLicenseValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty().MaximumLength(63);
        RuleFor(r => r.ModelName).NotEmpty().MaximumLength(63);
    }
}

public sealed class RevokeLicenseHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<RevokeLicense, RevokedLicenseDto>
{
    public async Task<RevokedLicenseDto> Handle(RevokeLicense request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.TenantId;
        scope.ModelName = request.ModelName;
        var grant = await db.LicenseGrants.SingleOrDefaultAsync(g => g.TenantId == request.TenantId && g.ModelName == request.ModelName, cancellationToken);
        if (grant is not { RevokedAt: null })
        {
            throw new NotFoundException($"Tenant '{request.TenantId}' holds no license for '{request.ModelName}'.");
        }

        var now = time.GetUtcNow();
        (grant.RevokedAt, grant.RevokedBy) = (now, principal.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new RevokedLicenseDto(grant.TenantId, grant.ModelName, now);
    }
}
