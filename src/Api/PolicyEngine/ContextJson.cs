using System.Globalization;
using System.Text.Json;
using Governance.Api.Errors;
using Governance.Domain.Policies;

namespace Governance.Api.PolicyEngine;

/// <summary>An explicit context from JSON, each value checked against the vocabulary's type (400 naming the attribute otherwise).</summary>
public static class ContextJson
{
    public static DecisionContext Read(JsonElement attributes, IReadOnlyDictionary<string, string>? consents)
    {
        var context = new DecisionContext();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in attributes.EnumerateObject())
            {
                if (PolicyVocabulary.Find(p.Name) is not { } attribute)
                {
                    errors["context." + p.Name] = [$"Unknown attribute '{p.Name}'."];
                }
                else if (ValueOf(attribute, p.Value) is { } value)
                {
                    context[attribute] = value;
                }
                else
                {
                    errors["context." + p.Name] = [$"'{p.Name}' must be {Describe(attribute.Type)}."];
                }
            }
        }
        else if (attributes.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors["context"] = ["'context' is an object of attribute paths to values."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        foreach (var (purpose, state) in consents ?? new Dictionary<string, string>())
        {
            context.WithConsent(purpose, state);
        }

        return context;
    }

    private static PolicyValue? ValueOf(AttributeDefinition attribute, JsonElement v) => (attribute.Type, v.ValueKind) switch
    {
        (AttributeType.String, JsonValueKind.String) => PolicyValue.Of(v.GetString()),
        (AttributeType.Number, JsonValueKind.Number) => PolicyValue.Of(v.GetDouble()),
        (AttributeType.Boolean, JsonValueKind.True or JsonValueKind.False) => PolicyValue.Of(v.GetBoolean()),
        (AttributeType.StringSet, JsonValueKind.Array) when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            PolicyValue.Of(v.EnumerateArray().Select(e => e.GetString()!).ToArray()),
        (AttributeType.Date, JsonValueKind.String) when DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            PolicyValue.OfDate(date),
        _ => null,
    };

    private static string Describe(AttributeType type) => type switch
    {
        AttributeType.String => "a string",
        AttributeType.Number => "a number",
        AttributeType.Boolean => "true or false",
        AttributeType.StringSet => "a list of strings",
        _ => "a date (YYYY-MM-DD)",
    };
}
