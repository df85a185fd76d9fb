namespace Governance.Domain.Policies;

/// <summary>
/// Where one evaluation writes its result: matched and denying rule indexes and the scalar part of the
/// merged obligations. Reused across evaluations on one thread, so deciding allocates nothing.
/// </summary>
public sealed class DecisionBuffer
{
    private int[] _matched = new int[16];
    private int[] _denying = new int[4];

    public int MatchCount { get; private set; }

    public int DenyCount { get; private set; }

    public ReadOnlySpan<int> Matched => _matched.AsSpan(0, MatchCount);

    public ReadOnlySpan<int> Denying => _denying.AsSpan(0, DenyCount);

    /// <summary>The strongest anonymization operator rank asked for (-1: none).</summary>
    public int OperatorRank { get; private set; }

    public int WatermarkRank { get; private set; }

    public int RetentionDays { get; private set; }

    public bool EncryptPayloads { get; private set; }

    public bool RequireLicense { get; private set; }

    internal void Reset(int ruleCount)
    {
        if (_matched.Length < ruleCount)
        {
            _matched = new int[ruleCount];
        }

        (MatchCount, DenyCount, OperatorRank, WatermarkRank, RetentionDays, EncryptPayloads, RequireLicense) = (0, 0, -1, -1, int.MaxValue, false, false);
    }

    internal void Match(int rule) => _matched[MatchCount++] = rule;

    internal void Deny(int rule)
    {
        if (DenyCount == _denying.Length)
        {
            Array.Resize(ref _denying, _denying.Length * 2);
        }

        _denying[DenyCount++] = rule;
    }

    internal void Merge(CompiledRule rule)
    {
        var o = rule.Obligations!;
        OperatorRank = Math.Max(OperatorRank, rule.OperatorRank);
        WatermarkRank = Math.Max(WatermarkRank, rule.WatermarkRank);
        if (o.RetentionDays is { } days && days < RetentionDays)
        {
            RetentionDays = days;
        }

        EncryptPayloads |= o.EncryptPayloads;
        RequireLicense |= o.RequireLicense;
    }
}
