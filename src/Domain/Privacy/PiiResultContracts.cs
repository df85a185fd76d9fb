using System.Text.Json.Serialization;

namespace Governance.Domain.Privacy;

// Presidio's result shapes, shared by the privacy endpoints and `governance pii` so both print the same JSON.

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
