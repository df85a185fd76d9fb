using Governance.Api.Errors;
using Governance.Api.Persistence;
using Governance.Api.Pipeline;
using Governance.Domain.Auditing;
using Governance.Installation.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tokens;

/// <summary>
/// OAuth2 client credentials grant (RFC 6749 §4.4) for API integrations. <c>Source</c> is the caller's
/// address, throttled beside the client id (see <see cref="TokenAttemptLimiter"/>).
/// </summary>
public sealed record IssueClientToken(string? GrantType, string? ClientId, string? ClientSecret, string Source) : IRequest<TokenResponse>, IAuditedRequest
{
    public string AuditAction => AuditActions.TokenClientCredentials;
}

/// <summary>RFC 6749 §5.1 token response.</summary>
public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

public sealed class IssueClientTokenHandler(
    GovernanceDbContext db, TokenIssuer issuer, AuditScope scope, TokenAttemptLimiter limiter, ClientSecretVerifier verifier)
    : IRequestHandler<IssueClientToken, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueClientToken request, CancellationToken cancellationToken)
    {
        if (request.GrantType != "client_credentials")
        {
            throw new OAuthException(StatusCodes.Status400BadRequest, ErrorCodes.UnsupportedGrantType, "unsupported_grant_type",
                "Only grant_type=client_credentials is supported.");
        }

        // Before any hashing: a locked-out flood costs a look-up, not a PBKDF2 run.
        if (await limiter.RetryAfterAsync(request.ClientId, request.Source, cancellationToken) is { } wait)
        {
            var limited = new RateLimitedException(wait, "Too many failed client authentications; try again later.");
            limited.Extensions["error"] = "temporarily_unavailable";
            throw limited;
        }

        var client = request.ClientId is null ? null : await db.OAuthClients.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        // Same answer and the same hashing for unknown client, wrong secret and revoked client, so ids cannot be probed.
        var authenticated = await verifier.VerifyAsync(request.ClientSecret, client?.SecretHash, cancellationToken);
        if (!authenticated || client is null || client.RevokedAt is not null || request.ClientSecret is null)
        {
            await limiter.RecordFailureAsync(request.ClientId, request.Source, CancellationToken.None);
            throw new OAuthException(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidClient, "invalid_client",
                "Client authentication failed.");
        }

        await limiter.RecordSuccessAsync(client.ClientId, CancellationToken.None);
        scope.TenantId = client.TenantId;
        var token = issuer.Issue($"client:{client.ClientId}", Roles.Tenant, client.TenantId, client.ClientId);
        return new TokenResponse(token, "Bearer", (int)issuer.Lifetime.TotalSeconds);
    }
}
