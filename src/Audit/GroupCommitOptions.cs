namespace Governance.Audit;

public sealed record GroupCommitOptions
{
    /// <summary>Most entries written by one transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>Entries that may wait before AppendAsync itself waits for room (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 16_384;
}
