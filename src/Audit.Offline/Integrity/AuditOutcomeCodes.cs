using Governance.Domain.Auditing;

namespace Governance.Audit.Offline.Integrity;

/// <summary>
/// The stored and hashed names of <see cref="AuditOutcome"/>. Spelled out rather than taken from
/// <c>ToString()</c>, so renaming an enum member can never change a hash or a stored row.
/// </summary>
public static class AuditOutcomeCodes
{
    public static string ToCode(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => "succeeded",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Rejected => "rejected",
        AuditOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown audit outcome."),
    };

    public static AuditOutcome FromCode(string code) => code switch
    {
        "succeeded" => AuditOutcome.Succeeded,
        "denied" => AuditOutcome.Denied,
        "rejected" => AuditOutcome.Rejected,
        "failed" => AuditOutcome.Failed,
        _ => throw new FormatException($"Unknown audit outcome code '{code}'."),
    };
}
