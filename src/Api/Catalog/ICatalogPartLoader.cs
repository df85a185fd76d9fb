using Npgsql;

namespace Governance.Api.Catalog;

/// <summary>
/// Adds a kind of data to every catalog snapshot (the next wave's consent records, key versions,
/// quotas): read inside the snapshot's transaction, so it is exactly as current as the rest. Its
/// tables must fire catalog_changed() (see db/migrations/0012_catalog_cache.sql) to be kept exact.
/// </summary>
public interface ICatalogPartLoader
{
    Type PartType { get; }

    Task<object> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}
