using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Governance.Api.Features.Embeddings;

/// <summary>OpenAI's embeddings answer: {"object":"list","data":[{"object":"embedding","index","embedding"}],"model","usage"}.</summary>
public sealed record OpenAiEmbeddingList(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<OpenAiEmbedding> Data,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("usage")] OpenAiUsage Usage)
{
    /// <summary>"float" gives arrays of numbers; "base64" the little-endian FP32 bytes of each vector, as OpenAI sends them.</summary>
    public static OpenAiEmbeddingList From(EmbeddingsResult result, bool base64)
    {
        var data = new OpenAiEmbedding[result.Vectors.Count];
        for (var i = 0; i < data.Length; i++)
        {
            var vector = result.Vectors[i];
            object embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            data[i] = new OpenAiEmbedding("embedding", i, embedding);
        }

        return new OpenAiEmbeddingList("list", data, result.Model, new OpenAiUsage(result.TokenCount, result.TokenCount));
    }
}

public sealed record OpenAiEmbedding(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] object Embedding);

public sealed record OpenAiUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

/// <summary>OpenAI's error body: {"error":{"message","type","param","code"}}.</summary>
public sealed record OpenAiErrorBody([property: JsonPropertyName("error")] OpenAiError Error);

public sealed record OpenAiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string Code);
