using Governance.Api.Errors;

namespace Governance.Api.Catalog;

/// <summary>One request's snapshot: the policy decision and the handler see the same generation.</summary>
public sealed class CatalogView(CatalogCache cache)
{
    private CatalogSnapshot? _snapshot;

    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct) => _snapshot ??= await cache.CurrentAsync(ct);

    /// <summary>
    /// The version a call names, or the latest its model's version policy serves; 404 when there is none,
    /// when it is retired, or when the policy does not serve it (ADR-031).
    /// </summary>
    public async ValueTask<ModelEntry> ResolveAsync(string name, string? version, CancellationToken ct)
    {
        var snapshot = await GetAsync(ct);
        var entry = snapshot.Find(name, version);
        if (entry is null || entry.Retired)
        {
            throw new NotFoundException(entry is not null ? $"Version '{version}' of model '{name}' is retired."
                : version is not null ? $"Model '{name}' has no version '{version}'."
                : snapshot.Versions(name).Count == 0 ? $"Model '{name}' is not registered." : $"Model '{name}' has no version in service.");
        }

        if (version is not null && snapshot.Served(name) is { } served && !served.Serves(version))
        {
            throw new NotFoundException($"Version '{version}' of model '{name}' is not served: the model's version policy is {served.Policy}.");
        }

        return entry;
    }
}
