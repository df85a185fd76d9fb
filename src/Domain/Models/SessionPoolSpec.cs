namespace Governance.Domain.Models;

/// <summary>
/// How many sessions serve a model version at once (Triton's instance count) and how many calls may
/// wait for one; either left out takes the deployment's default (Governance:Models).
/// </summary>
public sealed record SessionPoolSpec(int? Count = null, int? MaxQueue = null)
{
    public const int MaxCount = 64;

    public const int MaxQueueLimit = 100_000;

    /// <summary>Every reason this spec is out of range, empty when it is fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (Count is < 1 or > MaxCount)
        {
            yield return $"count must be 1..{MaxCount}.";
        }

        if (MaxQueue is < 0 or > MaxQueueLimit)
        {
            yield return $"maxQueue must be 0..{MaxQueueLimit}.";
        }
    }
}
