using Governance.Api.Errors;

namespace Governance.Api.Features.Embeddings;

/// <summary>
/// Refusals on the OpenAI-compatible surface (/v1) in OpenAI's shape, {"error":{message,type,param,code}},
/// because its SDKs read that member; <c>code</c> is our stable error code.
/// </summary>
internal sealed class OpenAiErrorFilter : RefusalShapeFilter
{
    protected override IResult Shape(int status, string detail, string code) =>
        Results.Json(new OpenAiErrorBody(new OpenAiError(detail, TypeFor(status), ParamFor(code), code)), statusCode: status);

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
