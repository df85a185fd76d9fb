using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

/// <summary>One tenant with its attributes; a query, so the read leaves an audit entry like every other.</summary>
public sealed record GetTenant(string TenantId) : IRequest<TenantDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.TenantRead;
}

public sealed class GetTenantHandler(GovernanceDbContext db, AuditScope scope) : IRequestHandler<GetTenant, TenantDto>
{
    public async Task<TenantDto> Handle(GetTenant request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.TenantId;
        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TenantId, cancellationToken) is { } tenant
            ? TenantDto.From(tenant)
            : throw new NotFoundException($"Tenant '{request.TenantId}' does not exist.");
    }
}
