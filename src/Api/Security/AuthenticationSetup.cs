using Governance.Api.Configuration;
using Governance.Installation.Configuration;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// Strict JWT bearer validation: issuer, audience, lifetime and signature are all checked, ES256 only
/// for local tokens, no unsigned tokens. An external OpenID Connect provider can be trusted as well.
/// </summary>
public static class AuthenticationSetup
{
    public const string FailureItem = "governance.auth-failure";

    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(sp => SigningKeyStore.LoadOrCreate(sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Auth.SigningKeyFile));
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKeyStore>(), sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Auth, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ValidatedTokenCache(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<GovernanceOptions>>().Value.Auth.TokenCache));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<GovernanceOptions>, SigningKeyStore, TimeProvider, ValidatedTokenCache>(
                (jwt, options, keys, time, cache) => Configure(jwt, options.Value.Auth, keys, new StrictTokenHandler(time, TimeSpan.FromMinutes(options.Value.Auth.MaxTokenLifetimeMinutes), cache)));
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Admin, p => p.RequireClaim(ClaimNames.Role, Roles.Admin))
            .AddPolicy(AuthorizationPolicies.Compliance, p => p.RequireClaim(ClaimNames.Role, Roles.Compliance, Roles.Admin))
            .AddPolicy(AuthorizationPolicies.Tenant, p => p.RequireClaim(ClaimNames.Role, Roles.Tenant).RequireClaim(ClaimNames.TenantId))
            .AddPolicy(AuthorizationPolicies.AnyRole, p => p.RequireClaim(ClaimNames.Role, Roles.All));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, SigningKeyStore keys, StrictTokenHandler handler)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenHandlers.Clear();
        handler.MapInboundClaims = false;
        jwt.TokenHandlers.Add(handler);
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = auth.Authority is null ? [auth.Issuer] : [auth.Issuer, auth.AuthorityIssuer ?? auth.Authority],
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = [keys.Key],
            ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
        };
        if (auth.Authority is not null)
        {
            // The provider's JWKS keys are added to ours by the handler once its metadata is fetched.
            jwt.Authority = auth.Authority;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        }
        else
        {
            jwt.TokenValidationParameters.ValidAlgorithms = [SigningKeyStore.Algorithm];
        }

        jwt.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[FailureItem] = Describe(context.Exception);
                return Task.CompletedTask;
            },
        };
    }

    private static string Describe(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The access token was issued by an issuer this platform does not trust.",
        SecurityTokenInvalidAudienceException => "The access token is not meant for this API (audience).",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The access token's signature does not verify.",
        SecurityTokenInvalidAlgorithmException => "The access token uses a signing algorithm this platform does not accept.",
        SecurityTokenMultipleRolesException or SecurityTokenInvalidLifetimeException => exception.Message,
        _ => "The access token is not valid.",
    };
}
