using Governance.Installation.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// The standard JWT validation, then the platform's own rules (issue 11), in the handler so that a
/// cache in front of validation keeps them: exactly one role (an array let a principal pass either
/// role's policy while acting as the first), a bounded lifetime (exp a century ahead was accepted),
/// and no <c>iat</c> in the future beyond the clock skew. A token that passed all of them is kept in the
/// <see cref="ValidatedTokenCache"/>, so the same token's next call skips the signature verify.
/// </summary>
public sealed class StrictTokenHandler(TimeProvider time, TimeSpan maxLifetime, ValidatedTokenCache cache) : JsonWebTokenHandler
{
    private long _fullValidations;

    /// <summary>Validations that ran the standard checks, signature included (cache misses).</summary>
    public long FullValidations => Interlocked.Read(ref _fullValidations);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (token is not null && cache.TryGet(token, validationParameters) is { } cached)
        {
            return cached;
        }

        Interlocked.Increment(ref _fullValidations);
        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return result;
        }

        var refusal = Refusal(jwt, time.GetUtcNow().UtcDateTime, validationParameters.ClockSkew);
        if (refusal is not null)
        {
            return new TokenValidationResult { IsValid = false, Exception = refusal };
        }

        cache.Add(token!, validationParameters, result, jwt.ValidTo);
        return result;
    }

    private SecurityTokenException? Refusal(JsonWebToken jwt, DateTime now, TimeSpan skew)
    {
        if (jwt.Claims.Count(c => c.Type == ClaimNames.Role) > 1)
        {
            return new SecurityTokenMultipleRolesException("The access token carries several roles; a token must carry exactly one.");
        }

        var issuedAt = jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat) ? DateTime.UnixEpoch.AddSeconds(iat) : (DateTime?)null;
        if (issuedAt > now + skew)
        {
            return new SecurityTokenInvalidLifetimeException("The access token was issued in the future (iat).");
        }

        var start = issuedAt ?? (jwt.ValidFrom == DateTime.MinValue ? now : jwt.ValidFrom);
        return jwt.ValidTo - start > maxLifetime + skew
            ? new SecurityTokenInvalidLifetimeException($"The access token's lifetime exceeds the {maxLifetime.TotalMinutes:0} minutes this platform accepts.")
            : null;
    }
}

/// <summary>A token with a role array (several role claims): refused rather than guessing which role applies.</summary>
public sealed class SecurityTokenMultipleRolesException : SecurityTokenValidationException
{
    public SecurityTokenMultipleRolesException()
    {
    }

    public SecurityTokenMultipleRolesException(string message)
        : base(message)
    {
    }

    public SecurityTokenMultipleRolesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
