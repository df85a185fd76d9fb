namespace Governance.Api.Features.Inference;

/// <summary>A response body in the binary tensor data extension: JSON header, then raw output bytes.</summary>
public sealed class BinaryInferenceResult(ReadOnlyMemory<byte> body, int headerLength) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/octet-stream";
        response.ContentLength = body.Length;
        response.Headers[InferenceBody.HeaderLength] = headerLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
