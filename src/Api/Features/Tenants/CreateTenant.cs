using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

public sealed record CreateTenant(string Id, string Name, string? Region = null, string? Tier = null) : IRequest<TenantDto>, IAdminCommand
{
    public string AuditAction => AuditActions.TenantCreate;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

/// <summary>A tenant as the API shows it; region and tier are omitted (null) when not declared.</summary>
public sealed record TenantDto(string Id, string Name, DateTimeOffset CreatedAt, string? Region, string? Tier)
{
    public static TenantDto From(TenantRecord record) => new(record.Id, record.Name, record.CreatedAt, record.Region, record.Tier);
}

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator()
    {
        RuleFor(r => r.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]{1,62}$")
            .WithMessage("Tenant id must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Region).Must(TenantAttributes.IsRegion)
            .WithMessage($"Region must be one of: {string.Join(", ", TenantAttributes.Regions)} (or omitted).");
        RuleFor(r => r.Tier).Must(TenantAttributes.IsTier)
            .WithMessage($"Tier must be one of: {string.Join(", ", TenantAttributes.Tiers)} (or omitted).");
    }
}

public sealed class CreateTenantHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<CreateTenant, TenantDto>
{
    public async Task<TenantDto> Handle(CreateTenant request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.Id;
        if (await db.Tenants.AnyAsync(t => t.Id == request.Id, cancellationToken))
        {
            throw new ConflictException($"Tenant '{request.Id}' already exists.");
        }

        var record = new TenantRecord
        {
            Id = request.Id,
            Name = request.Name,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = principal.Id,
            Region = request.Region,
            Tier = request.Tier,
        };
        db.Tenants.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TenantDto.From(record);
    }
}
