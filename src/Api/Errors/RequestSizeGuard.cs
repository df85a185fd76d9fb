using Governance.Api.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Governance.Api.Errors;

/// <summary>
/// Bounds every body before anything reads it: the general limit for API calls, a larger one only for
/// model uploads. Declared lengths are refused at once; chunked bodies are cut by the server's limit.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next, IOptions<GovernanceOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value.Limits;
        var limit = IsModelUpload(context.Request) ? limits.MaxModelUploadBytes : limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    private static bool IsModelUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/v1/models", StringComparison.Ordinal);
}
