using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Policies;

/// <summary>A decision read back from the audit trail: where it is, its context and what was decided.</summary>
public sealed record RecordedDecision(long Sequence, DecisionContext Context, bool Allowed, IReadOnlyList<string> MatchedRuleIds, IReadOnlyList<string> ObligationKeys)
{
    /// <summary>Decodes <see cref="DecisionJson"/>; null when the text is not a decision (an older or foreign shape).</summary>
    public static RecordedDecision? Read(long sequence, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var context = new DecisionContext();
            foreach (var p in root.GetProperty("context").EnumerateObject())
            {
                if (p.Name == DecisionJson.ConsentsKey)
                {
                    foreach (var c in p.Value.EnumerateObject())
                    {
                        context.WithConsent(c.Name, c.Value.GetString() ?? "none");
                    }
                }
                else if (PolicyVocabulary.Find(p.Name) is { } attribute)
                {
                    context[attribute] = ValueOf(attribute, p.Value);
                }
            }

            var matched = root.GetProperty("matched").EnumerateArray().Select(e => e.GetString()!).ToList();
            var allowed = root.GetProperty("effect").GetString() == "allow";
            return new RecordedDecision(sequence, context, allowed, matched, ObligationsOf(root.GetProperty("obligations")).Keys());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static PolicyValue ValueOf(AttributeDefinition attribute, JsonElement value) => attribute.Type switch
    {
        AttributeType.String => PolicyValue.Of(value.GetString()),
        AttributeType.Number => PolicyValue.Of(value.GetDouble()),
        AttributeType.Boolean => PolicyValue.Of(value.GetBoolean()),
        AttributeType.StringSet => PolicyValue.Of(value.EnumerateArray().Select(e => e.GetString()!).ToArray()),
        _ => PolicyValue.OfDate(DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    private static MergedObligations ObligationsOf(JsonElement o)
    {
        var merged = new MergedObligations();
        if (o.TryGetProperty(ObligationNames.Anonymize, out var a))
        {
            merged = merged with
            {
                AnonymizeOperator = a.GetProperty("operator").GetString(),
                AnonymizeEntities = [.. a.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!)],
            };
        }

        if (o.TryGetProperty(ObligationNames.RequireConsent, out var c))
        {
            merged = merged with { ConsentPurposes = [.. c.EnumerateArray().Select(e => e.GetString()!)] };
        }

        return merged with
        {
            EncryptPayloads = o.TryGetProperty(ObligationNames.EncryptPayloads, out _),
            RequireLicense = o.TryGetProperty(ObligationNames.RequireLicense, out _),
            RetentionDays = o.TryGetProperty("retention_days", out var r) ? r.GetInt32() : null,
            Watermark = o.TryGetProperty(ObligationNames.Watermark, out var w) ? w.GetString() : null,
        };
    }
}
