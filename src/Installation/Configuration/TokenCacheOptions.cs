namespace Governance.Installation.Configuration;

/// <summary>Bounds of the API's validated-token cache ("Governance:Auth:TokenCache", ADR-024).</summary>
public sealed class TokenCacheOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The longest an entry is trusted without a full validation, whatever the token's own expiry.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxEntries { get; set; } = 10_000;
}
