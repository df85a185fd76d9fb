using Npgsql;

namespace Governance.Api.Catalog;

/// <summary>
/// Makes a committed catalog change binding before its command answers: waits until every process
/// that reported recently decides with the new generation, and never longer than the longest
/// staleness any of them allows, after which a process that has not caught up no longer trusts its
/// snapshot. Either way, the call that follows the answer, on any process, sees the change.
/// </summary>
public sealed partial class CatalogFence(NpgsqlDataSource dataSource, TimeProvider time, ILogger<CatalogFence> logger)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);

    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await WaitForNodesAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            // The change is committed; without the fence it still binds within every process's staleness bound.
            LogFenceFailed(logger, ex.Message);
        }
    }

    private async Task WaitForNodesAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        long? target = null;
        var limit = TimeSpan.Zero;
        while (true)
        {
            await using var command = dataSource.CreateCommand("""
                WITH g AS (SELECT coalesce($1, (SELECT generation FROM catalog_generation WHERE id = 1)) AS target)
                SELECT g.target,
                       coalesce(max(n.stale_after_ms) FILTER (WHERE n.seen_at > now() - n.stale_after_ms * interval '1 millisecond'), 0),
                       count(n.node_id) FILTER (WHERE n.generation < g.target AND n.seen_at > now() - n.stale_after_ms * interval '1 millisecond')
                FROM g LEFT JOIN catalog_nodes n ON true GROUP BY g.target
                """);
            command.Parameters.Add(new() { Value = (object?)target ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                target = reader.GetInt64(0);
                // A margin over the nodes' own bound, for the time between their check and their clock.
                var bound = TimeSpan.FromMilliseconds(reader.GetInt32(1) + 50);
                limit = bound > limit ? bound : limit;
                if (reader.GetInt64(2) == 0)
                {
                    return;
                }
            }

            if (time.GetElapsedTime(started) > limit)
            {
                return;
            }

            await Task.Delay(Step, time, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wait for every process to see a catalog change: {Reason}")]
    private static partial void LogFenceFailed(ILogger logger, string reason);
}
