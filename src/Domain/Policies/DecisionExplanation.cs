using System.Text;

namespace Governance.Domain.Policies;

/// <summary>How one rule fared: matched or not, and for a rule that did not match, the first conjunct that failed.</summary>
public sealed record RuleExplanation(string RuleId, bool Matched, string Effect, string Condition, string? FailedOn);

/// <summary>
/// A decision explained: per rule, whether it matched and why not; which rules denied and why; how
/// obligations were merged. Built on the slow path (debugging, the evaluate endpoint), never per call.
/// </summary>
public sealed record DecisionExplanation(PolicyDecision Decision, IReadOnlyList<RuleExplanation> Rules)
{
    public static DecisionExplanation Explain(CompiledPolicySet set, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(set);
        var decision = set.Decide(context);
        var rules = new List<RuleExplanation>(set.Rules.Count);
        foreach (var rule in set.Rules)
        {
            var matched = decision.MatchedRuleIds.Contains(rule.Id, StringComparer.Ordinal);
            rules.Add(new RuleExplanation(rule.Id, matched, EffectOf(rule.Source.Effect), ConditionText.Of(rule.Source.When), matched ? null : FirstFailure(rule.Source.When, context)));
        }

        return new DecisionExplanation(decision, rules);
    }

    /// <summary>A stable plain-text rendering (what golden tests compare and the CLI prints).</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("decision: ").Append(Decision.Effect).Append(" (policy ").Append(Decision.PolicyVersion).Append(")\n");
        foreach (var rule in Rules)
        {
            text.Append(rule.Matched ? "  + " : "  - ").Append(rule.RuleId).Append(" [").Append(rule.Effect).Append("] when ").Append(rule.Condition);
            text.Append(rule.Matched ? "" : $" -- not matched: {rule.FailedOn} is false").Append('\n');
        }

        foreach (var denial in Decision.Denials)
        {
            text.Append("denied by ").Append(denial.RuleId).Append(": ").Append(denial.Message).Append('\n');
        }

        foreach (var key in Decision.Obligations.Keys())
        {
            text.Append("obligation ").Append(key).Append('\n');
        }

        foreach (var note in Decision.MergeNotes)
        {
            text.Append("merged: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static string EffectOf(RuleEffect effect) => effect is DenyEffect ? "deny" : string.Join(", ", ObligationNames.Of((ObligationsEffect)effect));

    private static string FirstFailure(Condition? condition, DecisionContext context)
    {
        var items = condition is AllCondition all ? all.Items : [condition!];
        foreach (var item in items)
        {
            if (!PolicyCompiler.Compile(item)(context))
            {
                return ConditionText.Of(item);
            }
        }

        return ConditionText.Of(condition);
    }
}
