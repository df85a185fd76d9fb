namespace Governance.Api.Observability;

/// <summary>
/// The stages of a call, as named in activities. The governance stages share one histogram (<c>stage</c>
/// label); queue and compute, the model's own time, have histograms of their own.
/// </summary>
public static class StageNames
{
    public const string Queue = "queue";
    public const string Compute = "compute";

    public const string Authentication = "authentication";
    public const string Policy = "policy";
    public const string Anonymization = "anonymization";
    public const string AuditDurable = "audit_durable";
    public const string AuditIntegrated = "audit_integrated";
}
