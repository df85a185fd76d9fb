using System.Text;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Errors;

/// <summary>
/// A Content-Type charset .NET cannot decode (<c>application/json; charset=ebcdic-xx</c>) made the
/// framework's JSON binding throw a bare InvalidOperationException, a 500 (issue 11): it is a 415 here,
/// before any endpoint reads the body.
/// </summary>
public sealed class ContentCharsetGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset is { Length: > 0 } charset && !Known(charset.Value!))
        {
            throw new BadHttpRequestException($"The charset '{charset}' is not one this API can decode; send UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        return next(context);
    }

    private static bool Known(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
