using Governance.Api.Errors;
using Governance.Api.Pipeline;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Answers refusals on the Presidio surface in Presidio's shape, <c>{"error": "..."}</c>, because its
/// clients read that member. The refusal is audited exactly as the problem+json one would be; faults
/// (5xx) go on to the one exception handler, which logs them.
/// </summary>
internal sealed class PresidioErrorFilter : IEndpointFilter
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

            return Results.Json(new PresidioError(problem.Detail ?? c.Detail), statusCode: problem.Status ?? c.Status);
        }
    }
}

public sealed record PresidioError([property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);
