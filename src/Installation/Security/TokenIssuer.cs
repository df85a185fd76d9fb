using Governance.Installation.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Installation.Security;

/// <summary>Mints access tokens signed with the local key (client credentials and the dev CLI).</summary>
public sealed class TokenIssuer(SigningKeyStore keys, AuthOptions auth, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => TimeSpan.FromMinutes(auth.TokenLifetimeMinutes);

    public string Issue(string subject, string role, string? tenantId, string? clientId, TimeSpan? lifetime = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ClaimNames.Subject] = subject,
            [ClaimNames.Role] = role,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (tenantId is not null)
        {
            claims[ClaimNames.TenantId] = tenantId;
        }

        if (clientId is not null)
        {
            claims[ClaimNames.ClientId] = clientId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? Lifetime),
            Claims = claims,
            SigningCredentials = keys.Credentials,
        });
    }
}
