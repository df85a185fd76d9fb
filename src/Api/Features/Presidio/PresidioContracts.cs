using System.Text.Json.Serialization;

namespace Governance.Api.Features.Presidio;

/// <summary>One finding as Presidio's analyzer returns it (offsets in UTF-16 code units of the original text).</summary>
public sealed record PresidioRecognizerResult(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("analysis_explanation")] PresidioExplanation? AnalysisExplanation,
    [property: JsonPropertyName("recognition_metadata")] PresidioRecognitionMetadata RecognitionMetadata);

/// <summary>Presidio's AnalysisExplanation, member for member.</summary>
public sealed record PresidioExplanation(
    [property: JsonPropertyName("recognizer")] string Recognizer,
    [property: JsonPropertyName("pattern_name")] string? PatternName,
    [property: JsonPropertyName("pattern")] string? Pattern,
    [property: JsonPropertyName("original_score")] double OriginalScore,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("textual_explanation")] string? TextualExplanation,
    [property: JsonPropertyName("score_context_improvement")] double ScoreContextImprovement,
    [property: JsonPropertyName("supportive_context_word")] string SupportiveContextWord,
    [property: JsonPropertyName("validation_result")] bool? ValidationResult);

public sealed record PresidioRecognitionMetadata(
    [property: JsonPropertyName("recognizer_name")] string RecognizerName,
    [property: JsonPropertyName("recognizer_identifier")] string RecognizerIdentifier);

/// <summary>The results per text; a request that sent one text (not a list) gets the first list alone.</summary>
public sealed record PresidioAnalyzeResponse(bool Batched, IReadOnlyList<IReadOnlyList<PresidioRecognizerResult>> Results);

/// <summary>One operated span of an anonymize or deanonymize answer (offsets in the NEW text).</summary>
public sealed record PresidioOperatorResult(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("operator")] string Operator);

public sealed record PresidioEngineResult(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("items")] IReadOnlyList<PresidioOperatorResult> Items);
