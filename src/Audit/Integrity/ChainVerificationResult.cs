namespace Governance.Audit.Integrity;

/// <summary>Outcome of walking the chain: either valid up to <see cref="LastSequence"/>, or the first bad entry.</summary>
public sealed record ChainVerificationResult(
    long EntriesChecked,
    long LastSequence,
    string? HeadHash,
    long? FirstBadSequence,
    string? Problem)
{
    public bool IsValid => FirstBadSequence is null;
}
