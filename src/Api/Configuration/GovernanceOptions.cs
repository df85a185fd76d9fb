using Governance.Api.Anonymization;

namespace Governance.Api.Configuration;

/// <summary>The "Governance" configuration section (appsettings + environment variables).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    public DatabaseOptions Database { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public ModelOptions Models { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();

    public PrivacyOptions Privacy { get; set; } = new();

    public Composition.AuditOptions Audit { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>Connection string of the app role (INSERT/SELECT on the audit trail only).</summary>
    public string AppConnectionString { get; set; } = "";

    /// <summary>Connection string of the owner role, used only to apply migrations.</summary>
    public string OwnerConnectionString { get; set; } = "";

    public bool MigrateOnStart { get; set; } = true;
}

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
    public Security.TokenCacheOptions TokenCache { get; set; } = new();
}

public sealed class ModelOptions
{
    /// <summary>Directory of the content-addressed model store (sha256/&lt;digest&gt;.onnx).</summary>
    public string StorePath { get; set; } = "";

    // The execution provider and session settings in this section bind to Governance.Inference's InferenceOptions.
}

public sealed class LimitOptions
{
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public long MaxModelUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The manifest part of a model upload (and any other small part) is refused past this size.</summary>
    public long MaxManifestBytes { get; set; } = 1024 * 1024;

    /// <summary>During a database outage, refused calls are logged as one summary per this many seconds.</summary>
    public int OutageSummarySeconds { get; set; } = 10;
}
