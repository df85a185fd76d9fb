using System.Text.Json;
using Governance.Api.Errors;

namespace Governance.Api.Features.Embeddings;

/// <summary>Reads the bodies of both embed endpoints: "input" is one text or an array of texts.</summary>
internal static class EmbeddingInput
{
    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, ct);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BadInputException(ErrorCodes.ValidationFailed, "The body must be a JSON object.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new BadInputException(ErrorCodes.MalformedRequest, "The body is not valid JSON: " + ex.Message);
        }
    }

    public static IReadOnlyList<string> Texts(JsonElement body)
    {
        if (!body.TryGetProperty("input", out var input))
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "'input' is required: a text or an array of texts.");
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return [input.GetString()!];
        }

        if (input.ValueKind != JsonValueKind.Array)
        {
            throw new BadInputException(ErrorCodes.ValidationFailed, "'input' must be a text or an array of texts.");
        }

        var texts = new List<string>(input.GetArrayLength());
        foreach (var item in input.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                // OpenAI also takes token-id arrays; ours tokenizes itself, so only texts are accepted.
                throw new BadInputException(ErrorCodes.ValidationFailed, "Every item of 'input' must be a text; token arrays are not accepted.");
            }

            texts.Add(item.GetString()!);
        }

        return texts;
    }

    public static string? OptionalString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new BadInputException(ErrorCodes.ValidationFailed, $"'{name}' must be a string.");
}
