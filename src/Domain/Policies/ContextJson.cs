using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Policies;

/// <summary>
/// An explicit context from JSON, each value checked against the vocabulary's type. The errors name the
/// attribute ("context.&lt;path&gt;"); the API answers them as a 400, the CLI prints them.
/// </summary>
public static class ContextJson
{
    public static bool TryRead(JsonElement attributes, IReadOnlyDictionary<string, string>? consents,
        out DecisionContext context, out IReadOnlyDictionary<string, string[]> errors)
    {
        context = new DecisionContext();
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors = found;
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in attributes.EnumerateObject())
            {
                if (PolicyVocabulary.Find(p.Name) is not { } attribute)
                {
                    found["context." + p.Name] = [$"Unknown attribute '{p.Name}'."];
                }
                else if (ValueOf(attribute, p.Value) is { } value)
                {
                    context[attribute] = value;
                }
                else
                {
                    found["context." + p.Name] = [$"'{p.Name}' must be {Describe(attribute.Type)}."];
                }
            }
        }
        else if (attributes.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            found["context"] = ["'context' is an object of attribute paths to values."];
        }

        if (found.Count > 0)
        {
            return false;
        }

        foreach (var (purpose, state) in consents ?? new Dictionary<string, string>())
        {
            context.WithConsent(purpose, state);
        }

        return true;
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
