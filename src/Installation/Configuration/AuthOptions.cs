namespace Governance.Installation.Configuration;

/// <summary>The "Governance:Auth" section: how tokens are issued and which are accepted.</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "governance-local";

    public string Audience { get; set; } = "governance-api";

    /// <summary>PEM file of the local ES256 signing key; generated on first run when missing.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>An external OpenID Connect provider whose JWKS is trusted as well (optional).</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer the external provider puts in its tokens (defaults to <see cref="Authority"/>).</summary>
    public string? AuthorityIssuer { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>The longest lifetime (exp - iat) of any token accepted, local or external; a day by default.</summary>
    public int MaxTokenLifetimeMinutes { get; set; } = 24 * 60;

    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Validated tokens kept so that a token's next call skips the signature verify (ADR-024).</summary>
    public TokenCacheOptions TokenCache { get; set; } = new();
}
