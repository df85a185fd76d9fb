namespace Governance.Domain.Models;

/// <summary>
/// Which versions of a model are served, as Triton's version_policy: the newest <see cref="Latest"/>
/// registrations, the <see cref="Specific"/> versions named, or all of them. Retired versions are never
/// served, whatever the policy. A model without a policy serves all its versions (<see cref="All"/>).
/// Exactly one of the three is set.
/// </summary>
public sealed record VersionPolicy(int? Latest = null, IReadOnlyList<string>? Specific = null, bool? All = null)
{
    public const int MaxLatest = 100;

    public const int MaxSpecific = 100;

    public static readonly VersionPolicy ServeAll = new(All: true);

    /// <summary>Every reason this policy is malformed, empty when it is fine.</summary>
    public IEnumerable<string> Problems()
    {
        var kinds = (Latest is null ? 0 : 1) + (Specific is null ? 0 : 1) + (All is null ? 0 : 1);
        if (kinds != 1)
        {
            yield return "Give exactly one of 'latest', 'specific' or 'all'.";
            yield break;
        }

        if (Latest is < 1 or > MaxLatest)
        {
            yield return $"'latest' must be 1..{MaxLatest}.";
        }

        if (All is false)
        {
            yield return "'all' can only be true.";
        }

        if (Specific is not null)
        {
            if (Specific.Count is 0 or > MaxSpecific)
            {
                yield return $"'specific' must name 1..{MaxSpecific} versions.";
            }

            if (Specific.Distinct(StringComparer.Ordinal).Count() != Specific.Count)
            {
                yield return "'specific' names a version twice.";
            }
        }
    }

    /// <summary>
    /// The served versions out of <paramref name="inService"/> (the versions not retired, newest
    /// registration first), in that order: the first is what a call naming no version gets.
    /// </summary>
    public IReadOnlyList<string> Select(IReadOnlyList<string> inService)
    {
        ArgumentNullException.ThrowIfNull(inService);
        if (Latest is { } count)
        {
            return inService.Count <= count ? inService : inService.Take(count).ToArray();
        }

        if (Specific is { } named)
        {
            return inService.Where(v => named.Contains(v, StringComparer.Ordinal)).ToArray();
        }

        return inService;
    }

    public override string ToString() =>
        Latest is { } n ? $"latest {n}" : Specific is { } s ? $"specific [{string.Join(", ", s)}]" : "all";
}
