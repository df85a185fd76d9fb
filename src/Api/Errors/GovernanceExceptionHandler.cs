using Governance.Api.Pipeline;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api.Errors;

/// <summary>
/// The one place exceptions become ProblemDetails. A refusal that never reached the MediatR pipeline
/// (a body that would not bind, say) is audited here before the answer leaves.
/// </summary>
public sealed partial class GovernanceExceptionHandler(RefusalAuditor auditor, OutageLog outage, ILogger<GovernanceExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var c = ExceptionClassifier.Classify(exception);
        if (c.Code is ErrorCodes.Unavailable or ErrorCodes.AuditUnavailable)
        {
            outage.Refused(exception, c.Code);
        }
        else if (c.Status >= 500)
        {
            LogFault(logger, exception, c.Code);
        }

        var problem = ProblemWriter.Create(httpContext, c.Status, c.Code, c.Detail, c.Extensions);
        problem = await auditor.EnsureRecordedAsync(httpContext, problem);
        await ProblemWriter.WriteAsync(httpContext, problem);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {Code}")]
    private static partial void LogFault(ILogger logger, Exception exception, string code);
}
