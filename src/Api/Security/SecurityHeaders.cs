namespace Governance.Api.Security;

/// <summary>
/// Headers every answer carries, errors included: the API serves JSON only, so nothing may be sniffed
/// into HTML, framed, or leak its address onward, and no answer (tokens, predictions, audit entries)
/// may be kept by a shared cache. Registered outermost so the exception handler's answers get them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Swagger UI is the only HTML page; it needs its own scripts, so it gets framing protection only.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string PagePolicy = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger", StringComparison.Ordinal) ? PagePolicy : ApiPolicy;
        if (string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
