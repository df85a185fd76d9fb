using System.Collections.Frozen;
using System.Text.Json;
using Governance.Domain.Models;
using Npgsql;

namespace Governance.Api.Catalog;

/// <summary>
/// Adds <see cref="ServedVersions"/> to every catalog snapshot, read in the snapshot's own transaction
/// (model_version_policies fires catalog_changed(), db/migrations/0021).
/// </summary>
public sealed class ServedVersionsLoader : ICatalogPartLoader
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public Type PartType => typeof(ServedVersions);

    public async Task<object> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SELECT model_name, policy::text FROM model_version_policies"),
                // The catalog's own order: newest registration first.
                new("SELECT name, version FROM model_versions WHERE retired_at IS NULL ORDER BY name, registered_at DESC, version"),
            },
        };
        var policies = new Dictionary<string, VersionPolicy>(StringComparer.Ordinal);
        var inService = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                policies[reader.GetString(0)] = Parse(reader.GetString(1));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                if (!inService.TryGetValue(name, out var versions))
                {
                    inService[name] = versions = [];
                }

                versions.Add(reader.GetString(1));
            }
        }

        var served = new Dictionary<string, ServedModel>(StringComparer.Ordinal);
        foreach (var (name, versions) in inService)
        {
            var policy = policies.GetValueOrDefault(name) ?? VersionPolicy.ServeAll;
            served[name] = new ServedModel(name, policy, [.. policy.Select(versions)]);
        }

        return new ServedVersions(served.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public static VersionPolicy Parse(string json) =>
        JsonSerializer.Deserialize<VersionPolicy>(json, Json) ?? throw new JsonException("A version policy is null.");
}
