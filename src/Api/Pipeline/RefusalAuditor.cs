using Governance.Api.Errors;
using Governance.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Pipeline;

/// <summary>
/// Records refusals that happen before or outside the MediatR pipeline (authentication, authorization,
/// body binding, unknown routes). If the entry cannot be made durable the refusal becomes a 503.
/// </summary>
public sealed class RefusalAuditor(IAuditLog auditLog)
{
    public async Task<ProblemDetails> EnsureRecordedAsync(HttpContext context, ProblemDetails problem)
    {
        var scope = context.RequestServices.GetRequiredService<AuditScope>();
        if (scope.Receipt is { } recorded)
        {
            problem.Extensions["auditSequence"] = recorded.Sequence;
            return problem;
        }

        var factory = context.RequestServices.GetRequiredService<AuditEntryFactory>();
        var entry = factory.Create(scope, problem.Status ?? 500, problem.Extensions.TryGetValue("code", out var code) ? code as string : null);
        try
        {
            scope.Receipt = await auditLog.WriteAsync(entry, CancellationToken.None);
            problem.Extensions["auditSequence"] = scope.Receipt.Sequence;
            return problem;
        }
        catch (AuditUnavailableException)
        {
            var c = ExceptionClassifier.Classify(new AuditUnavailableException("refusal could not be audited"));
            return ProblemWriter.Create(context, c.Status, c.Code, c.Detail);
        }
    }
}
