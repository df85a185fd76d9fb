using Governance.Api.Errors;

namespace Governance.Api.Features.Presidio;

/// <summary>Refusals on the Presidio surface in Presidio's shape, <c>{"error": "..."}</c>, which its clients read.</summary>
internal sealed class PresidioErrorFilter : RefusalShapeFilter
{
    protected override IResult Shape(int status, string detail, string code) =>
        Results.Json(new PresidioError(detail), statusCode: status);
}

public sealed record PresidioError([property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);
