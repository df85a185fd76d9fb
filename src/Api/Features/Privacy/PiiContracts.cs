using System.Text.Json.Serialization;

namespace Governance.Api.Features.Privacy;

/// <summary>One finding, as Presidio's analyzer reports it (offsets in UTF-16 code units of the original text).</summary>
public sealed record PiiSpanDto(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("recognizer")] string Recognizer);

/// <summary>One replacement in the anonymized text (offsets in the NEW text).</summary>
public sealed record ReplacedSpanDto(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("operator")] string Operator);

public sealed record AnonymizeResultDto(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("items")] IReadOnlyList<ReplacedSpanDto> Items);

public sealed record DeanonymizeResultDto([property: JsonPropertyName("text")] string Text);

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
