using System.Diagnostics;
using Governance.Api.Security;
using Governance.Audit.Offline.Integrity;
using Governance.Domain.Auditing;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api.Pipeline;

/// <summary>Turns what a request gathered in its <see cref="AuditScope"/> into the entry the log stores.</summary>
public sealed class AuditEntryFactory(IHttpContextAccessor accessor, TimeProvider time)
{
    public AuditEntry Create(AuditScope scope, int status, string? errorCode)
    {
        var http = accessor.HttpContext;
        var principal = CurrentPrincipal.From(http?.User);
        var now = time.GetUtcNow();
        return new AuditEntry(
            RequestId: Guid.CreateVersion7(now),
            OccurredAt: AuditEntryEncoding.TruncateToMicroseconds(now),
            Action: scope.Action ?? DescribeEndpoint(http),
            Outcome: OutcomeOf(status),
            StatusCode: status,
            ActorId: principal.Id,
            ActorRole: principal.Role,
            TenantId: scope.TenantId ?? principal.TenantId,
            ModelName: scope.ModelName,
            ModelVersion: scope.ModelVersion,
            ModelDigest: scope.ModelDigest,
            ErrorCode: errorCode,
            RuleIds: [.. scope.RuleIds],
            InputDigest: scope.InputDigest,
            OutputDigest: scope.OutputDigest,
            TraceId: Activity.Current?.TraceId.ToString() ?? http?.TraceIdentifier)
        {
            PolicyVersion = scope.PolicyVersion,
            Decision = scope.Decision,
            DataSubject = scope.DataSubject,
        };
    }

    /// <summary>
    /// The entry that records a read showed <paramref name="dataSubject"/>'s data: same caller, time
    /// and trace as the read's own entry, action <see cref="AuditActions.AuditDisclose"/>, its own request id.
    /// </summary>
    public AuditEntry Disclosure(AuditScope scope, string dataSubject) =>
        Create(scope, StatusCodes.Status200OK, null) with { Action = AuditActions.AuditDisclose, DataSubject = dataSubject, Decision = null, PolicyVersion = null };

    public static AuditOutcome OutcomeOf(int status) => status switch
    {
        < 400 => AuditOutcome.Succeeded,
        401 or 403 => AuditOutcome.Denied,
        < 500 => AuditOutcome.Rejected,
        _ => AuditOutcome.Failed,
    };

    private static string DescribeEndpoint(HttpContext? http)
    {
        if (http is null)
        {
            return "unknown";
        }

        // A refusal before the pipeline records the endpoint's action, the same name its requests record. The
        // exception handler clears the routed endpoint before it runs and keeps it on its feature.
        var endpoint = http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var name = endpoint?.Metadata.GetMetadata<AuditedAction>()?.Name;
        return name ?? $"http {http.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";
    }
}
