namespace Governance.Domain.Privacy.Custom;

/// <summary>
/// A tenant's own recognizer as stored in policy: a regex, the entity type it reports, context words,
/// a base score and an optional checksum validator ("luhn" or "mod97").
/// </summary>
public sealed record CustomRecognizerDefinition(
    string Name,
    string EntityType,
    string Pattern,
    IReadOnlyList<string> ContextWords,
    double Score,
    string? Validator);
