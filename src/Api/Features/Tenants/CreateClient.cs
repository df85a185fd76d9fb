using FluentValidation;
using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tenants;

/// <summary>Creates an OAuth2 client for an integration of a tenant. The secret is shown once, stored hashed.</summary>
public sealed record CreateClient(string TenantId, string Name) : IRequest<ClientCreatedDto>, IAdminCommand
{
    public string AuditAction => AuditActions.ClientCreate;

    public int SuccessStatusCode => StatusCodes.Status201Created;
}

public sealed record ClientCreatedDto(string ClientId, string ClientSecret, string TenantId, string Name);

public sealed class CreateClientValidator : AbstractValidator<CreateClient>
{
    public CreateClientValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty().MaximumLength(63);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class CreateClientHandler(GovernanceDbContext db, AuditScope scope, CurrentPrincipal principal, TimeProvider time)
    : IRequestHandler<CreateClient, ClientCreatedDto>
{
    public async Task<ClientCreatedDto> Handle(CreateClient request, CancellationToken cancellationToken)
    {
        scope.TenantId = request.TenantId;
        if (!await db.Tenants.AnyAsync(t => t.Id == request.TenantId, cancellationToken))
        {
            throw new NotFoundException($"Tenant '{request.TenantId}' does not exist.");
        }

        var clientId = $"{request.TenantId}-{Guid.NewGuid():N}"[..Math.Min(request.TenantId.Length + 13, 76)];
        var secret = ClientSecretHasher.NewSecret();
        db.OAuthClients.Add(new OAuthClientRecord
        {
            ClientId = clientId,
            TenantId = request.TenantId,
            Name = request.Name,
            SecretHash = ClientSecretHasher.Hash(secret),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = principal.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ClientCreatedDto(clientId, secret, request.TenantId, request.Name);
    }
}
