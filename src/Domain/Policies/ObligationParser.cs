using System.Text.Json;

namespace Governance.Domain.Policies;

/// <summary>Reads a rule's 'obligations' mapping; every key and value is checked.</summary>
internal static class ObligationParser
{
    private static readonly string[] Keys = [.. ObligationNames.All];

    public static ObligationsEffect? Parse(JsonElement obj, string path, string? ruleId, List<PolicyError> errors)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.EnumerateObject().Any())
        {
            errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, $"'obligations' is a mapping with at least one of: {string.Join(", ", Keys)}."));
            return null;
        }

        var before = errors.Count;
        PolicyParser.UnknownKeys(obj, Keys, path, ruleId, errors);
        var effect = new ObligationsEffect();
        if (obj.TryGetProperty(ObligationNames.RequireConsent, out var consent))
        {
            effect = effect with { RequireConsent = Consent(consent, path + "/require_consent", ruleId, errors) };
        }

        if (obj.TryGetProperty(ObligationNames.Anonymize, out var anonymize))
        {
            effect = effect with { Anonymize = Anonymize(anonymize, path + "/anonymize", ruleId, errors) };
        }

        if (obj.TryGetProperty(ObligationNames.EncryptPayloads, out var encrypt))
        {
            effect = effect with { EncryptPayloads = Flag(encrypt, path + "/encrypt_payloads", ruleId, errors) };
        }

        if (obj.TryGetProperty(ObligationNames.Watermark, out var watermark))
        {
            var method = watermark.ValueKind == JsonValueKind.Object ? PolicyParser.RequiredString(watermark, "method", path + "/watermark", ruleId, errors) : null;
            if (watermark.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(PolicyErrorCodes.Schema, ruleId, path + "/watermark", "'watermark' is a mapping with a 'method'."));
            }
            else if (method is not null && ObligationNames.WatermarkRank(method) < 0)
            {
                errors.Add(new(PolicyErrorCodes.UnknownValue, ruleId, path + "/watermark/method", $"Unknown watermark method '{method}'; expected one of: {string.Join(", ", ObligationNames.WatermarkMethods)}."));
            }

            effect = effect with { Watermark = method };
        }

        if (obj.TryGetProperty(ObligationNames.Retention, out var retention))
        {
            effect = effect with { RetentionDays = Retention(retention, path + "/retention", ruleId, errors) };
        }

        if (obj.TryGetProperty(ObligationNames.RequireLicense, out var license))
        {
            effect = effect with { RequireLicense = Flag(license, path + "/require_license", ruleId, errors) };
        }

        return errors.Count == before ? effect : null;
    }

    private static string? Consent(JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("purpose", out var purpose) && purpose.ValueKind == JsonValueKind.String)
        {
            PolicyParser.UnknownKeys(value, ["purpose"], path, ruleId, errors);
            return purpose.GetString() is "request" ? "" : purpose.GetString();
        }

        errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, "'require_consent' is a mapping with a 'purpose' (a purpose name, or 'request' for the request's own purpose)."));
        return null;
    }

    private static AnonymizeObligation? Anonymize(JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(PolicyErrorCodes.Schema, ruleId, path, "'anonymize' is a mapping with 'operator' and optional 'entities'."));
            return null;
        }

        PolicyParser.UnknownKeys(value, ["entities", "operator"], path, ruleId, errors);
        var op = PolicyParser.RequiredString(value, "operator", path, ruleId, errors);
        if (op is not null && ObligationNames.OperatorRank(op) < 0)
        {
            errors.Add(new(PolicyErrorCodes.UnknownValue, ruleId, path + "/operator", $"Unknown operator '{op}'; expected one of: {string.Join(", ", ObligationNames.Operators)}."));
            op = null;
        }

        var entities = new List<string>();
        if (value.TryGetProperty("entities", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                errors.Add(new(PolicyErrorCodes.WrongType, ruleId, path + "/entities", "'entities' is a list of entity type names (e.g. EMAIL_ADDRESS)."));
                return null;
            }

            entities.AddRange(list.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        return op is null ? null : new AnonymizeObligation(entities, op);
    }

    private static int? Retention(JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("days", out var days)
            && days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var d) && d is >= 1 and <= ObligationNames.MaxRetentionDays)
        {
            PolicyParser.UnknownKeys(value, ["days"], path, ruleId, errors);
            return d;
        }

        errors.Add(new(PolicyErrorCodes.WrongType, ruleId, path + "/days", $"'retention' is a mapping with 'days', a whole number from 1 to {ObligationNames.MaxRetentionDays}."));
        return null;
    }

    private static bool Flag(JsonElement value, string path, string? ruleId, List<PolicyError> errors)
    {
        if (value.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        errors.Add(new(PolicyErrorCodes.WrongType, ruleId, path, "This obligation takes the value true (leave it out to not require it)."));
        return false;
    }
}
