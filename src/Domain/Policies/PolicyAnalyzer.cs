namespace Governance.Domain.Policies;

/// <summary>
/// The semantic checks after parsing: duplicate rule ids; unreachable rules (their condition can never
/// hold); shadowed rules (a deny rule whose condition is as general matches whenever they do, so they
/// can never change a decision). Both checks are conservative: what they report is certain.
/// </summary>
public static class PolicyAnalyzer
{
    public static IReadOnlyList<PolicyError> Check(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<PolicyError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in document.Rules)
        {
            if (!seen.TryAdd(rule.Id, rule.Path))
            {
                errors.Add(new(PolicyErrorCodes.DuplicateId, rule.Id, rule.Path + "/id", $"Rule id '{rule.Id}' is already used at {seen[rule.Id]}."));
            }
        }

        var reachable = new List<(PolicyRule Rule, HashSet<string> Conjuncts)>();
        foreach (var rule in document.Rules)
        {
            if (Satisfiability.Of(rule.When) == Truth.False)
            {
                errors.Add(new(PolicyErrorCodes.Unreachable, rule.Id, rule.When!.Path, $"The condition of rule '{rule.Id}' can never hold: {ConditionText.Of(rule.When)}."));
            }
            else
            {
                reachable.Add((rule, ConditionText.Conjuncts(rule.When)));
            }
        }

        for (var i = 0; i < reachable.Count; i++)
        {
            var (rule, conjuncts) = reachable[i];
            for (var j = 0; j < reachable.Count; j++)
            {
                var (other, general) = reachable[j];
                if (i == j || other.Effect is not DenyEffect || !general.IsSubsetOf(conjuncts))
                {
                    continue;
                }

                // Two deny rules with the same condition shadow each other; report only the later one.
                if (rule.Effect is DenyEffect && general.SetEquals(conjuncts) && j > i)
                {
                    continue;
                }

                errors.Add(new(PolicyErrorCodes.Shadowed, rule.Id, rule.Path,
                    $"Rule '{rule.Id}' can never change a decision: deny rule '{other.Id}' ({ConditionText.Of(other.When)}) matches whenever it does."));
                break;
            }
        }

        return errors;
    }
}
