using System.Text.Json;

namespace Governance.Api.Features.Presidio;

internal static class PresidioBodies
{
    /// <summary>Presidio's anonymizer refuses an empty or missing body with these words.</summary>
    public static PresidioJson NonEmpty(JsonElement body, string where, string[] known)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.EnumerateObject().Any())
        {
            throw new PresidioRequestException("Invalid request json");
        }

        return PresidioJson.Object(body, where, known);
    }
}
