namespace Governance.Domain.Privacy.Operators;

/// <summary>The anonymized text and where each replacement sits in it; never the original values.</summary>
public sealed record AnonymizationResult(string Text, IReadOnlyList<ReplacedSpan> Items);

/// <summary>One replacement: its entity type, its span in the NEW text (UTF-16, end exclusive) and the operator applied.</summary>
public sealed record ReplacedSpan(string EntityType, int Start, int End, string Operator);
