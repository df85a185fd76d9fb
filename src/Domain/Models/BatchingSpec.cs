namespace Governance.Domain.Models;

/// <summary>
/// Dynamic batching, Triton-style and opt-in per model version: concurrent requests wait at most
/// <see cref="MaxQueueDelayMicroseconds"/> for company and run as one batch of at most
/// <see cref="MaxBatchSize"/> rows along dimension 0; a batch that reaches one of
/// <see cref="PreferredBatchSizes"/> runs at once.
/// </summary>
public sealed record BatchingSpec(int MaxBatchSize, int MaxQueueDelayMicroseconds = 1000, IReadOnlyList<int>? PreferredBatchSizes = null)
{
    public const int MaxBatchSizeLimit = 1024;

    public const int MaxQueueDelayLimit = 60_000_000;

    /// <summary>Every reason this spec is out of range, empty when it is fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            yield return $"maxBatchSize must be 1..{MaxBatchSizeLimit}.";
        }

        if (MaxQueueDelayMicroseconds is < 0 or > MaxQueueDelayLimit)
        {
            yield return $"maxQueueDelayMicroseconds must be 0..{MaxQueueDelayLimit}.";
        }

        foreach (var size in PreferredBatchSizes ?? [])
        {
            if (size < 1 || size > MaxBatchSize)
            {
                yield return $"preferredBatchSizes must lie in 1..maxBatchSize ({size} does not).";
            }
        }
    }
}
