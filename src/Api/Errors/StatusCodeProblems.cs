using Governance.Api.Pipeline;
using Governance.Api.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api.Errors;

/// <summary>
/// Bodiless refusals (401 from authentication, 403 from authorization, 404/405 from routing) become
/// ProblemDetails, and are audited like every other refusal.
/// </summary>
public static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (code, detail) = status switch
        {
            401 => (ErrorCodes.Unauthenticated, http.Items[AuthenticationSetup.FailureItem] as string ?? "A valid bearer token is required."),
            403 => (ErrorCodes.Forbidden, "Your role does not allow this operation."),
            404 => (ErrorCodes.NotFound, "There is no such endpoint."),
            405 => (ErrorCodes.MethodNotAllowed, $"{http.Request.Method} is not allowed here."),
            413 => (ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts."),
            415 => (ErrorCodes.UnsupportedMediaType, "This endpoint takes a different content type."),
            _ => (status >= 500 ? ErrorCodes.Internal : ErrorCodes.MalformedRequest, "The request was refused."),
        };
        var problem = ProblemWriter.Create(http, status, code, detail);
        problem = await http.RequestServices.GetRequiredService<RefusalAuditor>().EnsureRecordedAsync(http, problem);
        await ProblemWriter.WriteAsync(http, problem);
    }
}
