namespace Governance.Domain.Policies;

/// <summary>A policy set as written: a name and its rules. Order carries no meaning (deny overrides).</summary>
public sealed record PolicyDocument(string Name, string? Description, IReadOnlyList<PolicyRule> Rules);

/// <summary>One rule: when its condition holds (no condition: always), it denies or adds obligations.</summary>
public sealed record PolicyRule(string Id, string? Description, Condition? When, RuleEffect Effect, string Path);

/// <summary>What a matching rule does.</summary>
public abstract record RuleEffect;

public sealed record DenyEffect(string Message) : RuleEffect;

/// <summary>Obligations; any of them may be set. require_* are checked at decision time against the context.</summary>
public sealed record ObligationsEffect : RuleEffect
{
    /// <summary>Consent must be granted for this purpose; an empty string means the request's own purpose.</summary>
    public string? RequireConsent { get; init; }

    public AnonymizeObligation? Anonymize { get; init; }

    public bool EncryptPayloads { get; init; }

    public string? Watermark { get; init; }

    public int? RetentionDays { get; init; }

    public bool RequireLicense { get; init; }
}

/// <summary>Anonymize the given entity types (empty: every type) with the operator.</summary>
public sealed record AnonymizeObligation(IReadOnlyList<string> Entities, string Operator);

/// <summary>Conditions, each with its JSON-pointer path in the document (for errors).</summary>
public abstract record Condition(string Path);

public sealed record AllCondition(string Path, IReadOnlyList<Condition> Items) : Condition(Path);

public sealed record AnyCondition(string Path, IReadOnlyList<Condition> Items) : Condition(Path);

public sealed record NotCondition(string Path, Condition Inner) : Condition(Path);

public enum ComparisonOperator
{
    Equals,
    In,
    Contains,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    Exists,
}

/// <summary>
/// attribute op literal. The literal is typed: <see cref="Text"/> for strings, <see cref="Number"/> for
/// numbers, booleans and dates (day number), <see cref="List"/> for "in".
/// </summary>
public sealed record Comparison(string Path, AttributeDefinition Attribute, ComparisonOperator Operator) : Condition(Path)
{
    public string? Text { get; init; }

    public double Number { get; init; }

    public IReadOnlyList<string>? List { get; init; }

    public IReadOnlyList<double>? NumberList { get; init; }
}

/// <summary>A validation finding: a stable code, the rule it is about (if any) and where in the document.</summary>
public sealed record PolicyError(string Code, string? RuleId, string Path, string Message)
{
    public override string ToString() => $"{Path}{(RuleId is null ? "" : $" (rule {RuleId})")}: {Code}: {Message}";
}

/// <summary>The stable codes of <see cref="PolicyError"/>.</summary>
public static class PolicyErrorCodes
{
    public const string Syntax = "syntax";
    public const string TooDeep = "too-deep";
    public const string TooLarge = "too-large";
    public const string Schema = "schema";
    public const string UnknownAttribute = "unknown-attribute";
    public const string UnknownOperator = "unknown-operator";
    public const string WrongType = "wrong-type";
    public const string UnknownValue = "unknown-value";
    public const string DuplicateId = "duplicate-id";
    public const string Unreachable = "unreachable";
    public const string Shadowed = "shadowed";
}
