using System.Collections.Frozen;
using Governance.Api.Persistence;

namespace Governance.Api.Catalog;

/// <summary>A tenant's attributes as policies see them (null: not declared).</summary>
public sealed record TenantFacts(string Id, string? Region, string? Tier);

/// <summary>One registered version with its manifest already read for decisions.</summary>
public sealed record ModelEntry(ModelVersionRecord Record, ManifestFacts Facts)
{
    public bool Retired => Record.RetiredAt is not null;
}

/// <summary>
/// Everything a governed call decides on, read in one consistent database snapshot at one catalog
/// generation. Immutable: a reload builds a new one and swaps the reference, so a call sees one
/// generation throughout. Later data (consent, keys, quotas) rides along in <see cref="Part{T}"/>.
/// </summary>
public sealed class CatalogSnapshot(
    long generation,
    FrozenDictionary<string, TenantFacts> tenants,
    FrozenDictionary<string, ModelEntry[]> models,
    FrozenSet<(string Tenant, string Model)> licenses,
    FrozenDictionary<Type, object> parts)
{
    public static readonly CatalogSnapshot Empty = new(0, FrozenDictionary<string, TenantFacts>.Empty,
        FrozenDictionary<string, ModelEntry[]>.Empty, FrozenSet<(string, string)>.Empty, FrozenDictionary<Type, object>.Empty);

    public long Generation => generation;

    public TenantFacts? Tenant(string? id) => id is not null && tenants.TryGetValue(id, out var t) ? t : null;

    public bool IsLicensed(string? tenant, string model) => tenant is not null && licenses.Contains((tenant, model));

    /// <summary>Every version of a model, newest registration first, retired ones included.</summary>
    public IReadOnlyList<ModelEntry> Versions(string model) => models.TryGetValue(model, out var v) ? v : [];

    /// <summary>The named version, or the latest one its model's version policy serves; null when there is none.</summary>
    public ModelEntry? Find(string model, string? version)
    {
        var servedParts = parts.TryGetValue(typeof(ServedVersions), out var part);
        var wanted = version ?? (servedParts ? ((ServedVersions)part!).Of(model)?.Latest : null);
        foreach (var entry in Versions(model))
        {
            if (wanted is null ? !servedParts && !entry.Retired : entry.Record.Version == wanted)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The model's version policy and the versions it serves (ADR-031); null when none is in service.</summary>
    public ServedModel? Served(string model) =>
        parts.TryGetValue(typeof(ServedVersions), out var part) ? ((ServedVersions)part).Of(model) : null;

    /// <summary>Data a registered <see cref="ICatalogPartLoader"/> added to this snapshot.</summary>
    public T Part<T>()
        where T : class =>
        parts.TryGetValue(typeof(T), out var part) ? (T)part
            : throw new InvalidOperationException($"No catalog part of type {typeof(T).Name} is registered.");
}
