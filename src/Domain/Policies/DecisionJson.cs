using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Governance.Domain.Policies;

/// <summary>
/// The decision as it is recorded in an audit entry: canonical JSON (keys sorted, no whitespace) of the
/// effect, the matched and denying rule ids, the obligations and the context attributes (never payload
/// values). Simulation reads it back with <see cref="RecordedDecision.Read"/>.
/// </summary>
public static class DecisionJson
{
    public const string ConsentsKey = "consents";

    private static readonly AttributeDefinition[] SortedAttributes = [.. PolicyVocabulary.All.OrderBy(a => a.Path, StringComparer.Ordinal)];

    public static string Write(DecisionContext context, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decision);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("context");
            WriteContext(w, context);
            w.WriteEndObject();
            w.WriteStartArray("denied_by");
            foreach (var d in decision.Denials)
            {
                w.WriteStringValue(d.RuleId);
            }

            w.WriteEndArray();
            w.WriteString("effect", decision.Effect);
            w.WriteStartArray("matched");
            foreach (var id in decision.MatchedRuleIds)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteStartObject("obligations");
            WriteObligations(w, decision.Obligations);
            w.WriteEndObject();
            w.WriteString("policy_version", decision.PolicyVersion);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteContext(Utf8JsonWriter w, DecisionContext context)
    {
        var consentsWritten = context.Consents.Count == 0;
        foreach (var attribute in SortedAttributes)
        {
            if (!consentsWritten && string.CompareOrdinal(attribute.Path, ConsentsKey) > 0)
            {
                WriteConsents(w, context);
                consentsWritten = true;
            }

            var v = context[attribute];
            switch (v.Kind)
            {
                case ValueKind.String:
                    w.WriteString(attribute.Path, v.Text);
                    break;
                case ValueKind.Boolean:
                    w.WriteBoolean(attribute.Path, v.Bool);
                    break;
                case ValueKind.Number when attribute.Type == AttributeType.Date:
                    w.WriteString(attribute.Path, DateOnly.FromDayNumber((int)v.Number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case ValueKind.Number:
                    w.WriteNumber(attribute.Path, v.Number);
                    break;
                case ValueKind.Set:
                    w.WriteStartArray(attribute.Path);
                    foreach (var item in v.Set!.Order(StringComparer.Ordinal))
                    {
                        w.WriteStringValue(item);
                    }

                    w.WriteEndArray();
                    break;
            }
        }

        if (!consentsWritten)
        {
            WriteConsents(w, context);
        }
    }

    private static void WriteConsents(Utf8JsonWriter w, DecisionContext context)
    {
        w.WriteStartObject(ConsentsKey);
        foreach (var (purpose, state) in context.Consents.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.WriteString(purpose, state);
        }

        w.WriteEndObject();
    }

    private static void WriteObligations(Utf8JsonWriter w, MergedObligations o)
    {
        if (o.AnonymizeOperator is not null)
        {
            w.WriteStartObject(ObligationNames.Anonymize);
            w.WriteStartArray("entities");
            foreach (var e in o.AnonymizeEntities)
            {
                w.WriteStringValue(e);
            }

            w.WriteEndArray();
            w.WriteString("operator", o.AnonymizeOperator);
            w.WriteEndObject();
        }

        if (o.EncryptPayloads)
        {
            w.WriteBoolean(ObligationNames.EncryptPayloads, true);
        }

        if (o.ConsentPurposes.Count > 0)
        {
            w.WriteStartArray(ObligationNames.RequireConsent);
            foreach (var p in o.ConsentPurposes)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
        }

        if (o.RequireLicense)
        {
            w.WriteBoolean(ObligationNames.RequireLicense, true);
        }

        if (o.RetentionDays is { } days)
        {
            w.WriteNumber("retention_days", days);
        }

        if (o.Watermark is { } method)
        {
            w.WriteString(ObligationNames.Watermark, method);
        }
    }
}
