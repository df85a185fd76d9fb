namespace Governance.Domain.Policies;

/// <summary>One rule ready to evaluate: its compiled condition and what it does when it matches.</summary>
public sealed class CompiledRule(PolicyRule source, int index, Func<DecisionContext, bool> matches)
{
    public PolicyRule Source { get; } = source;

    public string Id => Source.Id;

    public int Index { get; } = index;

    public Func<DecisionContext, bool> Matches { get; } = matches;

    public string? DenyMessage { get; } = (source.Effect as DenyEffect)?.Message;

    public ObligationsEffect? Obligations { get; } = source.Effect as ObligationsEffect;

    public int OperatorRank { get; } = source.Effect is ObligationsEffect { Anonymize: { } a } ? ObligationNames.OperatorRank(a.Operator) : -1;

    public int WatermarkRank { get; } = source.Effect is ObligationsEffect { Watermark: { } w } ? ObligationNames.WatermarkRank(w) : -1;
}

/// <summary>
/// An activated policy set: compiled once, shared by every request (immutable, thread-safe).
/// Combining: deny overrides; a failed require_license / require_consent denies too; the obligations
/// of every matching rule are merged, the strictest winning.
/// </summary>
public sealed class CompiledPolicySet(string version, PolicyDocument document, CompiledRule[] rules)
{
    public string Version { get; } = version;

    public PolicyDocument Document { get; } = document;

    public IReadOnlyList<CompiledRule> Rules => rules;

    /// <summary>
    /// The decision into a reusable buffer: allocates nothing. True when the call is allowed.
    /// </summary>
    public bool Evaluate(DecisionContext context, DecisionBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Reset(rules.Length);
        foreach (var rule in rules)
        {
            if (!rule.Matches(context))
            {
                continue;
            }

            buffer.Match(rule.Index);
            if (rule.DenyMessage is not null)
            {
                buffer.Deny(rule.Index);
            }
            else if (rule.Obligations is { } o)
            {
                if ((o.RequireLicense && !context[PolicyVocabulary.TenantLicensed].Bool)
                    || (o.RequireConsent is { } purpose && !IsGranted(context, purpose)))
                {
                    buffer.Deny(rule.Index);
                }

                buffer.Merge(rule);
            }
        }

        return buffer.DenyCount == 0;
    }

    /// <summary>The full decision, with rule ids, denial messages, merged obligations and merge notes.</summary>
    public PolicyDecision Decide(DecisionContext context)
    {
        var buffer = new DecisionBuffer();
        Evaluate(context, buffer);
        return DecisionMaterializer.Materialize(this, context, buffer);
    }

    /// <summary>The purpose a require_consent rule checks ("" is the request's own purpose).</summary>
    public static string? ConsentPurpose(DecisionContext context, string purpose) =>
        purpose.Length == 0 ? context[PolicyVocabulary.RequestPurpose].Text : purpose;

    private static bool IsGranted(DecisionContext context, string purpose) =>
        string.Equals(context.ConsentFor(ConsentPurpose(context, purpose)), PolicyVocabulary.Granted, StringComparison.Ordinal);
}
