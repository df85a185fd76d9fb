namespace Governance.Domain.Policies;

/// <summary>One past decision that the draft would decide differently.</summary>
public sealed record SimulationChange(
    long Sequence, string Kind, IReadOnlyList<string> RecordedRules, IReadOnlyList<string> DraftRules,
    IReadOnlyList<string> ObligationsAdded, IReadOnlyList<string> ObligationsRemoved);

/// <summary>What one rule (of the draft or of the recorded decisions) had to do with the changes.</summary>
public sealed record RuleImpact(string RuleId, int MatchedBefore, int MatchedAfter, int AllowToDeny, int DenyToAllow, int ObligationChanges);

public sealed record SimulationReport(
    int Total, int Unchanged, int AllowToDeny, int DenyToAllow, int ObligationsChanged,
    IReadOnlyDictionary<string, int> ObligationsAdded, IReadOnlyDictionary<string, int> ObligationsRemoved,
    IReadOnlyList<RuleImpact> Rules, IReadOnlyList<SimulationChange> Samples);

/// <summary>
/// Replays recorded decision contexts under a draft and compares with what was decided then: overall
/// and per rule, allow→deny, deny→allow, obligations added or removed, with sample entries. Pure: no
/// model is called and nothing is written.
/// </summary>
public sealed class PolicySimulator(CompiledPolicySet draft, int samplesPerKind = 10)
{
    public const string KindAllowToDeny = "allow_to_deny";
    public const string KindDenyToAllow = "deny_to_allow";
    public const string KindObligations = "obligations_changed";

    private readonly Dictionary<string, int[]> _rules = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _added = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _removed = new(StringComparer.Ordinal);
    private readonly List<SimulationChange> _samples = [];
    private readonly Dictionary<string, int> _sampleCounts = new(StringComparer.Ordinal);
    private int _total;
    private int _allowToDeny;
    private int _denyToAllow;
    private int _obligations;

    public void Add(RecordedDecision recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        _total++;
        var now = draft.Decide(recorded.Context);
        foreach (var id in recorded.MatchedRuleIds)
        {
            Counts(id)[0]++;
        }

        foreach (var id in now.MatchedRuleIds)
        {
            Counts(id)[1]++;
        }

        var keys = now.Obligations.Keys();
        var added = keys.Except(recorded.ObligationKeys, StringComparer.Ordinal).ToList();
        var removed = recorded.ObligationKeys.Except(keys, StringComparer.Ordinal).ToList();
        var kind = (recorded.Allowed, now.Allowed) switch
        {
            (true, false) => KindAllowToDeny,
            (false, true) => KindDenyToAllow,
            _ when now.Allowed && (added.Count > 0 || removed.Count > 0) => KindObligations,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        var column = kind switch { KindAllowToDeny => 2, KindDenyToAllow => 3, _ => 4 };
        _ = kind == KindAllowToDeny ? _allowToDeny++ : kind == KindDenyToAllow ? _denyToAllow++ : _obligations++;
        if (kind == KindObligations)
        {
            Tally(_added, added);
            Tally(_removed, removed);
        }

        var impacted = new HashSet<string>(recorded.MatchedRuleIds.Except(now.MatchedRuleIds, StringComparer.Ordinal), StringComparer.Ordinal);
        impacted.UnionWith(now.MatchedRuleIds.Except(recorded.MatchedRuleIds, StringComparer.Ordinal));
        if (kind == KindAllowToDeny)
        {
            impacted.UnionWith(now.DenyingRuleIds);
        }

        foreach (var id in impacted)
        {
            Counts(id)[column]++;
        }

        var taken = _sampleCounts.GetValueOrDefault(kind);
        if (taken < samplesPerKind)
        {
            _sampleCounts[kind] = taken + 1;
            _samples.Add(new SimulationChange(recorded.Sequence, kind, recorded.MatchedRuleIds, now.MatchedRuleIds, added, removed));
        }
    }

    public SimulationReport Report()
    {
        var rules = _rules.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new RuleImpact(r.Key, r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4])).ToList();
        var unchanged = _total - _allowToDeny - _denyToAllow - _obligations;
        return new SimulationReport(_total, unchanged, _allowToDeny, _denyToAllow, _obligations,
            new Dictionary<string, int>(_added, StringComparer.Ordinal), new Dictionary<string, int>(_removed, StringComparer.Ordinal),
            rules, [.. _samples.OrderBy(s => s.Sequence)]);
    }

    private int[] Counts(string id)
    {
        if (!_rules.TryGetValue(id, out var counts))
        {
            _rules[id] = counts = new int[5];
        }

        return counts;
    }

    private static void Tally(SortedDictionary<string, int> into, List<string> keys)
    {
        foreach (var key in keys)
        {
            into[key] = into.GetValueOrDefault(key) + 1;
        }
    }
}
