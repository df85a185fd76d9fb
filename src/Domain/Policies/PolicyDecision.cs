namespace Governance.Domain.Policies;

/// <summary>Why a call was denied: the rule and its message.</summary>
public sealed record Denial(string RuleId, string Message);

/// <summary>
/// A decision: allow or deny, every rule that matched, why it was denied, the merged obligations and
/// how conflicting obligations were merged.
/// </summary>
public sealed record PolicyDecision(
    string PolicyVersion,
    bool Allowed,
    IReadOnlyList<string> MatchedRuleIds,
    IReadOnlyList<Denial> Denials,
    MergedObligations Obligations,
    IReadOnlyList<string> MergeNotes)
{
    public string Effect => Allowed ? "allow" : "deny";

    public IReadOnlyList<string> DenyingRuleIds => [.. Denials.Select(d => d.RuleId)];
}

/// <summary>Turns an evaluation's buffer into a <see cref="PolicyDecision"/> (allocates; once per call).</summary>
internal static class DecisionMaterializer
{
    public static PolicyDecision Materialize(CompiledPolicySet set, DecisionContext context, DecisionBuffer buffer)
    {
        var rules = set.Rules;
        var matched = new List<string>(buffer.MatchCount);
        var contributors = new List<CompiledRule>();
        foreach (var i in buffer.Matched)
        {
            matched.Add(rules[i].Id);
            if (rules[i].Obligations is not null)
            {
                contributors.Add(rules[i]);
            }
        }

        var denials = new List<Denial>(buffer.DenyCount);
        foreach (var i in buffer.Denying)
        {
            denials.Add(new Denial(rules[i].Id, MessageFor(rules[i], context)));
        }

        var notes = new List<string>();
        var obligations = Merge(contributors, buffer, context, notes);
        return new PolicyDecision(set.Version, buffer.DenyCount == 0, matched, denials, obligations, notes);
    }

    private static MergedObligations Merge(List<CompiledRule> rules, DecisionBuffer buffer, DecisionContext context, List<string> notes)
    {
        if (rules.Count == 0)
        {
            return MergedObligations.None;
        }

        var purposes = new SortedSet<string>(StringComparer.Ordinal);
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        var everyEntity = false;
        foreach (var rule in rules)
        {
            if (rule.Obligations!.RequireConsent is { } p && CompiledPolicySet.ConsentPurpose(context, p) is { } purpose)
            {
                purposes.Add(purpose);
            }

            if (rule.Obligations.Anonymize is { } a)
            {
                everyEntity |= a.Entities.Count == 0;
                entities.UnionWith(a.Entities);
            }
        }

        var op = buffer.OperatorRank >= 0 ? ObligationNames.Operators[buffer.OperatorRank] : null;
        var watermark = buffer.WatermarkRank >= 0 ? ObligationNames.WatermarkMethods[buffer.WatermarkRank] : null;
        int? retention = buffer.RetentionDays == int.MaxValue ? null : buffer.RetentionDays;
        Note(notes, rules, r => r.Obligations!.Anonymize is { } a ? $"{a.Operator} on {(a.Entities.Count == 0 ? "every entity type" : string.Join(",", a.Entities))}" : null,
            $"anonymize: {op} wins (the stronger operator) on {(everyEntity ? "every entity type" : string.Join(",", entities))} (the union)");
        Note(notes, rules, r => r.Obligations!.RetentionDays is { } d ? $"{d} days" : null, $"retention: {retention} days wins (the shorter)");
        Note(notes, rules, r => r.Obligations!.Watermark, $"watermark: {watermark} wins (the stronger method)");
        return new MergedObligations
        {
            ConsentPurposes = [.. purposes],
            AnonymizeOperator = op,
            AnonymizeEntities = op is null || everyEntity ? [] : [.. entities],
            EncryptPayloads = buffer.EncryptPayloads,
            Watermark = watermark,
            RetentionDays = retention,
            RequireLicense = buffer.RequireLicense,
        };
    }

    /// <summary>When more than one rule set the same obligation, say what each asked and what won.</summary>
    private static void Note(List<string> notes, List<CompiledRule> rules, Func<CompiledRule, string?> asked, string outcome)
    {
        var parts = new List<string>();
        foreach (var rule in rules)
        {
            if (asked(rule) is { } what)
            {
                parts.Add($"{rule.Id} asks {what}");
            }
        }

        if (parts.Count > 1)
        {
            notes.Add($"{string.Join("; ", parts)} => {outcome}");
        }
    }

    private static string MessageFor(CompiledRule rule, DecisionContext context)
    {
        if (rule.DenyMessage is { } message)
        {
            return message;
        }

        var o = rule.Obligations!;
        var tenant = context[PolicyVocabulary.TenantId].Text;
        var model = context[PolicyVocabulary.ModelName].Text;
        if (o.RequireLicense && !context[PolicyVocabulary.TenantLicensed].Bool)
        {
            return tenant is null
                ? $"Only a tenant holding a license for model '{model}' may do this (rule {rule.Id})."
                : $"Tenant '{tenant}' holds no license for model '{model}' (rule {rule.Id}).";
        }

        var purpose = CompiledPolicySet.ConsentPurpose(context, o.RequireConsent!);
        return purpose is null
            ? $"Consent is required but the request declares no purpose (rule {rule.Id})."
            : $"Consent for purpose '{purpose}' is {context.ConsentFor(purpose)}, not granted (rule {rule.Id}).";
    }
}
