using System.Text.Json;
using Governance.Inference.Errors;

namespace Governance.Inference.Protocol;

/// <summary>Entry points for protocol JSON that turn every client mistake into <see cref="InferenceInputException"/>.</summary>
public static class OipJson
{
    /// <summary>Options for protocol types; the types carry their own wire names and converters.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static InferenceRequest ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize<InferenceRequest>(utf8Json, Options) ?? throw NullBody();
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    public static InferenceRequest ParseRequest(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<InferenceRequest>(json, Options) ?? throw NullBody();
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    public static async Task<InferenceRequest> ReadRequestAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<InferenceRequest>(body, Options, cancellationToken).ConfigureAwait(false)
                ?? throw NullBody();
        }
        catch (JsonException ex)
        {
            throw NotJson(ex);
        }
    }

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { MaxDepth = 64 };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static InferenceInputException NullBody() =>
        new("", InferenceErrorCodes.MalformedRequest, "the request must be a JSON object, got null");

    private static InferenceInputException NotJson(JsonException ex) =>
        new("", InferenceErrorCodes.MalformedRequest, $"the request is not valid JSON: {ex.Message}", ex);
}
