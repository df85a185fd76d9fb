using Governance.Domain.Auditing;

namespace Governance.Audit.Tests;

internal static class SampleEntries
{
    // Deliberately finer than a microsecond: the log must store and hash the truncated instant.
    public static readonly DateTimeOffset Time = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5_358_979);

    /// <summary>An entry like the API writes; each call gets a new request id (the log holds one entry per request).</summary>
    public static AuditEntry Create(int index = 0, string tenant = "acme", AuditOutcome outcome = AuditOutcome.Succeeded) => new(
        RequestId: Guid.CreateVersion7(),
        OccurredAt: Time.AddMilliseconds(index),
        Action: "inference.infer",
        Outcome: outcome,
        StatusCode: outcome == AuditOutcome.Succeeded ? 200 : 403,
        ActorId: "client-" + index,
        ActorRole: "tenant",
        TenantId: tenant,
        ModelName: "credit-risk",
        ModelVersion: "1",
        ModelDigest: new string('a', 64),
        ErrorCode: null,
        RuleIds: ["license.active", "consent.required"],
        InputDigest: new string('b', 64),
        OutputDigest: new string('c', 64),
        TraceId: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
}
