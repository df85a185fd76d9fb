using System.Collections.Frozen;
using Governance.Domain.Models;

namespace Governance.Api.Catalog;

/// <summary>
/// The versions each model serves in one catalog snapshot: its version policy applied to its versions not
/// retired. Computed once per snapshot, so resolving a call's version reads no database and runs no query.
/// </summary>
public sealed class ServedVersions(FrozenDictionary<string, ServedModel> models)
{
    public static readonly ServedVersions None = new(FrozenDictionary<string, ServedModel>.Empty);

    /// <summary>The model's policy and served versions; null for a model with no version in service.</summary>
    public ServedModel? Of(string model) => models.TryGetValue(model, out var served) ? served : null;

    public IEnumerable<ServedModel> All => models.Values;
}

/// <summary>One model's policy and the versions it serves, newest registration first.</summary>
public sealed class ServedModel(string name, VersionPolicy policy, string[] versions)
{
    private readonly FrozenSet<string> _set = versions.ToFrozenSet(StringComparer.Ordinal);

    public string Name => name;

    public VersionPolicy Policy => policy;

    public IReadOnlyList<string> Versions => versions;

    /// <summary>What a call naming no version gets; null when the policy serves none.</summary>
    public string? Latest => versions.Length > 0 ? versions[0] : null;

    public bool Serves(string version) => _set.Contains(version);
}
