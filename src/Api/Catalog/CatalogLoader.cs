using System.Collections.Frozen;
using Governance.Api.Persistence;
using Npgsql;

namespace Governance.Api.Catalog;

/// <summary>
/// Reads the whole catalog (it is small: tenants, model versions, live licenses) in one round trip of
/// one repeatable-read transaction, and reports this process's generation back to catalog_nodes.
/// Runs under the app role with app.scope = 'platform', the row-level security convention for
/// reads that serve every tenant.
/// </summary>
public sealed class CatalogLoader(NpgsqlDataSource dataSource, IEnumerable<ICatalogPartLoader> parts)
{
    public async Task<CatalogSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new("SELECT set_config('app.scope', 'platform', false)"),
                new("SELECT generation FROM catalog_generation WHERE id = 1"),
                new("SELECT id, region, tier FROM tenants"),
                new("""
                    SELECT name, version, task, sha256, size_bytes, manifest::text, registered_at, registered_by, retired_at, retired_by
                    FROM model_versions ORDER BY name, registered_at DESC, version
                    """),
                new("SELECT tenant_id, model_name FROM license_grants WHERE revoked_at IS NULL"),
            },
        };
        long generation;
        var tenants = new Dictionary<string, TenantFacts>(StringComparer.Ordinal);
        var models = new Dictionary<string, List<ModelEntry>>(StringComparer.Ordinal);
        var licenses = new HashSet<(string, string)>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            generation = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                tenants[id] = new TenantFacts(id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var record = ReadModel(reader);
                if (!models.TryGetValue(record.Name, out var list))
                {
                    models[record.Name] = list = [];
                }

                list.Add(new ModelEntry(record, ManifestFacts.Parse(record.Manifest)));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                licenses.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var extra = new Dictionary<Type, object>();
        foreach (var part in parts)
        {
            extra[part.PartType] = await part.LoadAsync(connection, ct);
        }

        await transaction.CommitAsync(ct);
        return new CatalogSnapshot(generation, tenants.ToFrozenDictionary(StringComparer.Ordinal),
            models.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), licenses.ToFrozenSet(), extra.ToFrozenDictionary());
    }

    /// <summary>
    /// Tells catalog commands which generation this process decides with and that it is alive, and
    /// returns the database's current generation, in one round trip.
    /// </summary>
    public async Task<long> ReportAsync(Guid node, long applied, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new("""
            INSERT INTO catalog_nodes (node_id, generation, seen_at, stale_after_ms) VALUES ($1, $2, now(), $3)
            ON CONFLICT (node_id) DO UPDATE SET generation = GREATEST(catalog_nodes.generation, excluded.generation), seen_at = excluded.seen_at, stale_after_ms = excluded.stale_after_ms
            """)
        {
            Parameters = { new() { Value = node }, new() { Value = applied }, new() { Value = (int)staleAfter.TotalMilliseconds } },
        });
        batch.BatchCommands.Add(new("SELECT generation FROM catalog_generation WHERE id = 1"));
        // The INSERT returns no result set: the reader starts on the SELECT's.
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    public async Task ForgetAsync(Guid node, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM catalog_nodes WHERE node_id = $1 OR seen_at < now() - interval '1 day'");
        command.Parameters.Add(new() { Value = node });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ModelVersionRecord ReadModel(NpgsqlDataReader reader) => new()
    {
        Name = reader.GetString(0),
        Version = reader.GetString(1),
        Task = reader.GetString(2),
        Sha256 = reader.GetString(3),
        SizeBytes = reader.GetInt64(4),
        Manifest = reader.GetString(5),
        RegisteredAt = reader.GetFieldValue<DateTimeOffset>(6),
        RegisteredBy = reader.GetString(7),
        RetiredAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        RetiredBy = reader.IsDBNull(9) ? null : reader.GetString(9),
    };
}
