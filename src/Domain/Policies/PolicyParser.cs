using System.Text.Json;
using System.Text.RegularExpressions;

namespace Governance.Domain.Policies;

/// <summary>
/// Builds a <see cref="PolicyDocument"/> from its JSON form (YAML is converted by the caller), checking
/// the shape (what policies/policy.schema.json says) and every attribute, operator and literal type.
/// Collects every error instead of stopping at the first.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] DocumentKeys = ["name", "description", "rules"];
    private static readonly string[] RuleKeys = ["id", "description", "when", "deny", "obligations"];

    /// <summary>The document (its valid rules only, when there are errors) and every error found.</summary>
    public static (PolicyDocument? Document, IReadOnlyList<PolicyError> Errors) Parse(JsonElement root)
    {
        var errors = new List<PolicyError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(PolicyErrorCodes.Schema, null, "", "A policy document is a mapping with 'name' and 'rules'."));
            return (null, errors);
        }

        UnknownKeys(root, DocumentKeys, "", null, errors);
        var name = RequiredString(root, "name", "", null, errors);
        var description = OptionalString(root, "description", "", null, errors);
        var rules = new List<PolicyRule>();
        if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(PolicyErrorCodes.Schema, null, "/rules", "'rules' is required and must be a list."));
        }
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ParseRule(item, $"/rules/{i++}", errors) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        // The rules that parsed are returned even beside errors, so the semantic checks can report on them too.
        return (new PolicyDocument(name ?? "", description, rules), errors);
    }

    private static PolicyRule? ParseRule(JsonElement rule, string path, List<PolicyError> errors)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(PolicyErrorCodes.Schema, null, path, "A rule is a mapping with 'id' and 'deny' or 'obligations'."));
            return null;
        }

        var id = RequiredString(rule, "id", path, null, errors);
        if (id is not null && !RuleIdPattern().IsMatch(id))
        {
            errors.Add(new(PolicyErrorCodes.Schema, id, path + "/id", "A rule id is lower case letters, digits, '.', '_' or '-' (at most 100), starting with a letter or digit."));
        }

        UnknownKeys(rule, RuleKeys, path, id, errors);
        var description = OptionalString(rule, "description", path, id, errors);
        var hasWhen = rule.TryGetProperty("when", out var w);
        var when = hasWhen ? ConditionParser.Parse(w, path + "/when", id, errors) : null;
        var hasDeny = rule.TryGetProperty("deny", out var deny);
        var hasObligations = rule.TryGetProperty("obligations", out var obligations);
        RuleEffect? effect = null;
        if (hasDeny == hasObligations)
        {
            errors.Add(new(PolicyErrorCodes.Schema, id, path, "A rule has exactly one effect: 'deny' or 'obligations'."));
        }
        else if (hasDeny)
        {
            var message = deny.ValueKind == JsonValueKind.Object ? RequiredString(deny, "message", path + "/deny", id, errors) : null;
            if (deny.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(PolicyErrorCodes.Schema, id, path + "/deny", "'deny' is a mapping with a 'message'."));
            }
            else
            {
                UnknownKeys(deny, ["message"], path + "/deny", id, errors);
            }

            effect = message is null ? null : new DenyEffect(message);
        }
        else
        {
            effect = ObligationParser.Parse(obligations, path + "/obligations", id, errors);
        }

        // A rule whose condition did not parse is left out entirely: read as "always" it would shadow others.
        return id is null || effect is null || (hasWhen && when is null) ? null : new PolicyRule(id, description, when, effect, path);
    }

    internal static void UnknownKeys(JsonElement obj, string[] known, string path, string? ruleId, List<PolicyError> errors)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                errors.Add(new(PolicyErrorCodes.Schema, ruleId, $"{path}/{property.Name}", $"Unknown key '{property.Name}'; expected one of: {string.Join(", ", known)}."));
            }
        }
    }

    internal static string? RequiredString(JsonElement obj, string key, string path, string? ruleId, List<PolicyError> errors)
    {
        if (obj.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        errors.Add(new(PolicyErrorCodes.Schema, ruleId, $"{path}/{key}", $"'{key}' is required and must be a non-empty string."));
        return null;
    }

    private static string? OptionalString(JsonElement obj, string key, string path, string? ruleId, List<PolicyError> errors)
    {
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new(PolicyErrorCodes.Schema, ruleId, $"{path}/{key}", $"'{key}' must be a string."));
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
