namespace Governance.Audit.Verification;

/// <summary>
/// What verifying the live log found. <see cref="FirstBadSequence"/> is the first entry a problem
/// affects (for a checkpoint or tree-head problem: the last entry that checkpoint covers, or the
/// first entry after the stored log when entries are missing at the end).
/// </summary>
public sealed record LogVerificationResult(
    long EntriesChecked,
    string? RootHash,
    int CheckpointsChecked,
    long? AnchoredTreeSize,
    long? FirstBadSequence,
    string? Problem)
{
    public bool IsValid => Problem is null;

    public static LogVerificationResult Bad(long entriesChecked, long firstBad, string problem) =>
        new(entriesChecked, null, 0, null, firstBad, problem);
}
