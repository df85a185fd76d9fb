using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Policies;

/// <summary>
/// Reads a condition: a mapping whose keys are 'all', 'any', 'not' or attribute paths (several keys: all
/// must hold). An attribute maps to exactly one operator and its literal, type-checked against the vocabulary.
/// </summary>
internal static class ConditionParser
{
    public static readonly IReadOnlyList<string> Operators = ["equals", "in", "contains", "lt", "lte", "gt", "gte", "exists"];

    public static Condition? Parse(JsonElement element, string path, string? ruleId, List<PolicyError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.EnumerateObject().Any())
        {
            errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, "A condition is a non-empty mapping of 'all', 'any', 'not' or attribute paths."));
            return null;
        }

        var items = new List<Condition>();
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}/{property.Name}";
            var item = property.Name switch
            {
                "all" or "any" => List(property.Name, property.Value, at, ruleId, errors),
                "not" => Parse(property.Value, at, ruleId, errors) is { } inner ? new NotCondition(at, inner) : null,
                _ => Attribute(property.Name, property.Value, at, ruleId, errors),
            };
            ok &= item is not null;
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return !ok ? null : items.Count == 1 ? items[0] : new AllCondition(path, items);
    }

    private static Condition? List(string kind, JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, $"'{kind}' takes a list of conditions."));
            return null;
        }

        var items = new List<Condition>();
        var ok = true;
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var parsed = Parse(item, $"{path}/{i++}", ruleId, errors);
            ok &= parsed is not null;
            if (parsed is not null)
            {
                items.Add(parsed);
            }
        }

        return !ok ? null : kind == "all" ? new AllCondition(path, items) : new AnyCondition(path, items);
    }

    private static Comparison? Attribute(string name, JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        var attribute = PolicyVocabulary.Find(name);
        if (attribute is null)
        {
            var hint = PolicyVocabulary.Suggest(name) is { } s ? $" Did you mean '{s}'?" : "";
            errors.Add(new(PolicyErrorCodes.UnknownAttribute, ruleId, path, $"Unknown attribute '{name}'.{hint}"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Count() != 1)
        {
            errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, $"'{name}' maps to exactly one operator ({string.Join(", ", Operators)})."));
            return null;
        }

        var op = value.EnumerateObject().First();
        var at = $"{path}/{op.Name}";
        return op.Name switch
        {
            "equals" => Scalar(attribute, ComparisonOperator.Equals, op.Value, at, ruleId, errors, [AttributeType.String, AttributeType.Number, AttributeType.Boolean, AttributeType.Date]),
            "in" => InList(attribute, op.Value, at, ruleId, errors),
            "contains" => attribute.Type == AttributeType.StringSet
                ? Scalar(attribute with { Type = AttributeType.String }, ComparisonOperator.Contains, op.Value, at, ruleId, errors, [AttributeType.String]) is { } c ? c with { Attribute = attribute } : null
                : WrongType(attribute, "contains", at, ruleId, errors),
            "lt" => Scalar(attribute, ComparisonOperator.LessThan, op.Value, at, ruleId, errors, [AttributeType.Number, AttributeType.Date]),
            "lte" => Scalar(attribute, ComparisonOperator.LessOrEqual, op.Value, at, ruleId, errors, [AttributeType.Number, AttributeType.Date]),
            "gt" => Scalar(attribute, ComparisonOperator.GreaterThan, op.Value, at, ruleId, errors, [AttributeType.Number, AttributeType.Date]),
            "gte" => Scalar(attribute, ComparisonOperator.GreaterOrEqual, op.Value, at, ruleId, errors, [AttributeType.Number, AttributeType.Date]),
            "exists" => op.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new Comparison(path, attribute, ComparisonOperator.Exists) { Number = op.Value.ValueKind == JsonValueKind.True ? 1 : 0 }
                : Literal(attribute, "exists takes true or false", at, ruleId, errors),
            _ => Unknown(op.Name, at, ruleId, errors),
        };
    }

    private static Comparison? Scalar(AttributeDefinition attribute, ComparisonOperator op, JsonElement literal, string path, string? ruleId, List<PolicyError> errors, AttributeType[] allowed)
    {
        if (Array.IndexOf(allowed, attribute.Type) < 0)
        {
            return WrongType(attribute, OperatorName(op), path, ruleId, errors);
        }

        var c = new Comparison(path, attribute, op);
        switch (attribute.Type)
        {
            case AttributeType.String when literal.ValueKind == JsonValueKind.String:
                return KnownValue(attribute, literal.GetString()!, path, ruleId, errors) ? c with { Text = literal.GetString() } : null;
            case AttributeType.Number when literal.ValueKind == JsonValueKind.Number:
                return c with { Number = literal.GetDouble() };
            case AttributeType.Boolean when literal.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return c with { Number = literal.ValueKind == JsonValueKind.True ? 1 : 0 };
            case AttributeType.Date when literal.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(literal.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return c with { Number = date.DayNumber, Text = literal.GetString() };
            default:
                return Literal(attribute, $"'{attribute.Path}' is {Describe(attribute.Type)}", path, ruleId, errors);
        }
    }

    private static Comparison? InList(AttributeDefinition attribute, JsonElement literal, string path, string? ruleId, List<PolicyError> errors)
    {
        if (attribute.Type is not (AttributeType.String or AttributeType.Number))
        {
            return WrongType(attribute, "in", path, ruleId, errors);
        }

        var expected = attribute.Type == AttributeType.String ? JsonValueKind.String : JsonValueKind.Number;
        if (literal.ValueKind != JsonValueKind.Array || literal.EnumerateArray().Any(e => e.ValueKind != expected))
        {
            return Literal(attribute, $"'in' takes a list of {(expected == JsonValueKind.String ? "strings" : "numbers")}", path, ruleId, errors);
        }

        var c = new Comparison(path, attribute, ComparisonOperator.In);
        if (expected == JsonValueKind.Number)
        {
            return c with { NumberList = [.. literal.EnumerateArray().Select(e => e.GetDouble()).Distinct().Order()] };
        }

        var values = literal.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var i = 0;
        var ok = true;
        foreach (var v in literal.EnumerateArray())
        {
            ok &= KnownValue(attribute, v.GetString()!, $"{path}/{i++}", ruleId, errors);
        }

        return ok ? c with { List = values } : null;
    }

    private static bool KnownValue(AttributeDefinition attribute, string value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (attribute.AllowedValues is null || attribute.AllowedValues.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        errors.Add(new(PolicyErrorCodes.UnknownValue, ruleId, path, $"'{attribute.Path}' is never '{value}'; it is one of: {string.Join(", ", attribute.AllowedValues)}."));
        return false;
    }

    private static Comparison? WrongType(AttributeDefinition attribute, string op, string path, string? ruleId, List<PolicyError> errors)
    {
        errors.Add(new(PolicyErrorCodes.WrongType, ruleId, path, $"'{op}' does not apply to '{attribute.Path}', which is {Describe(attribute.Type)}."));
        return null;
    }

    private static Comparison? Literal(AttributeDefinition attribute, string message, string path, string? ruleId, List<PolicyError> errors)
    {
        errors.Add(new(PolicyErrorCodes.WrongType, ruleId, path, $"Wrong literal for '{attribute.Path}': {message}."));
        return null;
    }

    private static Comparison? Unknown(string op, string path, string? ruleId, List<PolicyError> errors)
    {
        errors.Add(new(PolicyErrorCodes.UnknownOperator, ruleId, path, $"Unknown operator '{op}'; expected one of: {string.Join(", ", Operators)}."));
        return null;
    }

    public static string OperatorName(ComparisonOperator op) => Operators[(int)op];

    public static string Describe(AttributeType type) => type switch
    {
        AttributeType.String => "a string",
        AttributeType.Number => "a number",
        AttributeType.Boolean => "a boolean",
        AttributeType.StringSet => "a list of strings",
        _ => "a date (YYYY-MM-DD)",
    };
}
