using Governance.Api.Pipeline;

namespace Governance.Api.Errors;

/// <summary>
/// For a surface whose clients read an error shape of their own (Presidio, OpenAI): a refusal is audited
/// exactly as the problem+json one would be, then answered in that shape; faults (5xx) go on to the one
/// exception handler, which logs them.
/// </summary>
internal abstract class RefusalShapeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ExceptionClassifier.Classify(ex) is { Status: >= 400 and < 500 } c)
        {
            var http = context.HttpContext;
            var problem = ProblemWriter.Create(http, c.Status, c.Code, c.Detail, c.Extensions);
            problem = await http.RequestServices.GetRequiredService<RefusalAuditor>().EnsureRecordedAsync(http, problem);
            return Shape(problem.Status ?? c.Status, problem.Detail ?? c.Detail, c.Code);
        }
    }

    protected abstract IResult Shape(int status, string detail, string code);
}
