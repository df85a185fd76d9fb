namespace Governance.Audit.Offline.Export;

/// <summary>Thrown inside a verification run to stop at the first problem; never escapes the verifier.</summary>
internal sealed class VerificationStop(string message, long? sequence = null, ExportVerdict verdict = ExportVerdict.Failed) : Exception(message)
{
    public long? Sequence { get; } = sequence;

    public ExportVerdict Verdict { get; } = verdict;
}
