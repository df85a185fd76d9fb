namespace Governance.Api.Composition;

/// <summary>The "Governance:Audit" section: checkpoint signing and the external anchor (ADR-007).</summary>
public sealed class AuditOptions
{
    /// <summary>PEM file of the key that signs checkpoints: Ed25519, generated on first run when missing; ECDSA P-256 before ADR-023.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>Key files (PEM or verifier key) of retired signing keys: checkpoints they signed keep verifying.</summary>
    public string[] RetiredKeyFiles { get; set; } = [];

    /// <summary>Signed-note verifier keys of the witnesses whose cosignatures the log accepts and publishes.</summary>
    public string[] WitnessKeys { get; set; } = [];

    /// <summary>Directory of the external anchor: one note per checkpoint plus latest.note. Keep it off the database host.</summary>
    public string AnchorDirectory { get; set; } = "";

    /// <summary>The checkpoint origin line: names this log.</summary>
    public string Origin { get; set; } = "governance.local/audit";

    /// <summary>How often a checkpoint is published while there are new entries.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 10;

    /// <summary>How long a response waits for its entry to be integrated before answering 503.</summary>
    public int IntegrationTimeoutSeconds { get; set; } = 30;
}
