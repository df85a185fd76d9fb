using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Errors;

/// <summary>Writes RFC 9457 problem details with our stable <c>type</c>, <c>code</c> and the trace id.</summary>
public static class ProblemWriter
{
    /// <summary>The problem member that also becomes the Retry-After header (RFC 9110 §10.2.3).</summary>
    public const string RetryAfterMember = "retryAfterSeconds";

    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static ProblemDetails Create(HttpContext context, int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = ErrorCodes.TypeBase + code,
            Title = TitleFor(status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        if (IsOpenInferenceProtocol(context))
        {
            // Open Inference Protocol clients read the reason from "error".
            problem.Extensions["error"] = detail;
        }

        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return problem;
    }

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Extensions.TryGetValue(RetryAfterMember, out var seconds) && seconds is int wait)
        {
            context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Open Inference Protocol clients (KServe's among them) read {"error": ...} only from application/json.
        var contentType = IsOpenInferenceProtocol(context) ? "application/json" : "application/problem+json";
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: contentType, context.RequestAborted);
    }

    private static bool IsOpenInferenceProtocol(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal);

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthenticated",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => status >= 500 ? "Server error" : "Request refused",
    };
}
