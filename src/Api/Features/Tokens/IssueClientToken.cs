using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Api.Security;
using Governance.Domain.Auditing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tokens;

/// <summary>OAuth2 client credentials grant (RFC 6749 §4.4) for API integrations.</summary>
public sealed record IssueClientToken(string? GrantType, string? ClientId, string? ClientSecret) : IRequest<TokenResponse>, IAuditedRequest
{
    public string AuditAction => AuditActions.TokenClientCredentials;
}

/// <summary>RFC 6749 §5.1 token response.</summary>
public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

public sealed class IssueClientTokenHandler(GovernanceDbContext db, TokenIssuer issuer, AuditScope scope)
    : IRequestHandler<IssueClientToken, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueClientToken request, CancellationToken cancellationToken)
    {
        if (request.GrantType != "client_credentials")
        {
            throw new OAuthException(StatusCodes.Status400BadRequest, ErrorCodes.UnsupportedGrantType, "unsupported_grant_type",
                "Only grant_type=client_credentials is supported.");
        }

        var client = request.ClientId is null ? null : await db.OAuthClients.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        // Same answer for unknown client, wrong secret and revoked client, so ids cannot be probed.
        if (client is null || client.RevokedAt is not null || request.ClientSecret is null
            || !ClientSecretHasher.Verify(request.ClientSecret, client.SecretHash))
        {
            throw new OAuthException(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidClient, "invalid_client",
                "Client authentication failed.");
        }

        scope.TenantId = client.TenantId;
        var token = issuer.Issue($"client:{client.ClientId}", Roles.Tenant, client.TenantId, client.ClientId);
        return new TokenResponse(token, "Bearer", (int)issuer.Lifetime.TotalSeconds);
    }
}
