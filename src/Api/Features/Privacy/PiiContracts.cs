using System.Text.Json.Serialization;

namespace Governance.Api.Features.Privacy;

/// <summary>An operator as requests spell it (Presidio's field names).</summary>
public sealed record OperatorBody(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("new_value")] string? NewValue = null,
    [property: JsonPropertyName("masking_char")] string? MaskingChar = null,
    [property: JsonPropertyName("chars_to_mask")] int? CharsToMask = null,
    [property: JsonPropertyName("from_end")] bool? FromEnd = null,
    [property: JsonPropertyName("keep_last")] int? KeepLast = null,
    [property: JsonPropertyName("hash_length")] int? HashLength = null);

public sealed record AnalyzeBody(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("entities")] IReadOnlyList<string>? Entities,
    [property: JsonPropertyName("score_threshold")] double? ScoreThreshold);

public sealed record AnonymizeBody(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("entities")] IReadOnlyList<string>? Entities,
    [property: JsonPropertyName("score_threshold")] double? ScoreThreshold,
    [property: JsonPropertyName("operators")] IReadOnlyDictionary<string, OperatorBody>? Operators,
    [property: JsonPropertyName("tenant")] string? Tenant);

public sealed record DeanonymizeBody(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("tenant")] string? Tenant);
