using System.Text.Json;

namespace Governance.Api.InferenceOnly;

/// <summary>Errors as the Open Inference Protocol says: <c>{"error": "..."}</c> in application/json, what Triton and KServe clients read.</summary>
internal static class InferenceOnlyErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }), context.RequestAborted);
    }

    public static IResult Result(int status, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: status);
}
