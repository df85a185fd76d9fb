using Governance.Api.Errors;
using Governance.Api.Pipeline;

namespace Governance.Api.Features.Embeddings;

/// <summary>
/// Answers refusals on the OpenAI-compatible surface (/v1) in OpenAI's shape, {"error":{message,type,param,code}},
/// because its SDKs read that member; <c>code</c> is our stable error code. The refusal is audited exactly as the
/// problem+json one would be; faults (5xx) go on to the one exception handler, which logs them.
/// </summary>
internal sealed class OpenAiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ExceptionClassifier.Classify(ex).Status is >= 400 and < 500)
        {
            var http = context.HttpContext;
            var c = ExceptionClassifier.Classify(ex);
            var problem = ProblemWriter.Create(http, c.Status, c.Code, c.Detail, c.Extensions);
            problem = await http.RequestServices.GetRequiredService<RefusalAuditor>().EnsureRecordedAsync(http, problem);
            var status = problem.Status ?? c.Status;
            var error = new OpenAiError(problem.Detail ?? c.Detail, TypeFor(status), ParamFor(c.Code), c.Code);
            return Results.Json(new OpenAiErrorBody(error), statusCode: status);
        }
    }

    // OpenAI's error types by status.
    private static string TypeFor(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        _ => "invalid_request_error",
    };

    private static string? ParamFor(string code) => code is ErrorCodes.ValidationFailed or ErrorCodes.InvalidInput ? "input"
        : code is ErrorCodes.NotFound ? "model"
        : null;
}
