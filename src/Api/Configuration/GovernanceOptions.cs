using Governance.Installation.Configuration;

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

    /// <summary>How remote model backends are called (ADR-030).</summary>
    public Inference.Remote.RemoteBackendOptions RemoteBackends { get; set; } = new();
}

public sealed class ModelOptions
{
    /// <summary>Directory of the content-addressed model store (sha256/&lt;digest&gt;.onnx).</summary>
    public string StorePath { get; set; } = "";

    /// <summary>How often the loaded versions are brought in line with the catalog and the version policies.</summary>
    public int ReconcileIntervalMilliseconds { get; set; } = 500;

    // The execution provider, session pool and session settings in this section bind to Governance.Inference's InferenceOptions.
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
