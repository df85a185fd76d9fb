using Governance.Domain.Policies;
using Npgsql;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// Streams the decisions recorded in the audit trail over a time window (the decision column of
/// the audit_entries view, migrations 0003 and 0008), oldest first, for simulation. Read with the app
/// role; read-only.
/// </summary>
public sealed class DecisionLogReader(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<(long Sequence, string Decision)> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT sequence, decision FROM audit_entries
            WHERE decision IS NOT NULL AND occurred_at >= $1 AND occurred_at < $2
            ORDER BY occurred_at, record_id LIMIT $3
            """);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return (reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>Replays the window under the draft; undecodable decisions (older shapes) are counted, not guessed.</summary>
    public async Task<(SimulationReport Report, int Skipped)> SimulateAsync(CompiledPolicySet draft, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        var simulator = new PolicySimulator(draft);
        var skipped = 0;
        await foreach (var (sequence, json) in ReadAsync(from, to, limit, ct))
        {
            if (RecordedDecision.Read(sequence, json) is { } recorded)
            {
                simulator.Add(recorded);
            }
            else
            {
                skipped++;
            }
        }

        return (simulator.Report(), skipped);
    }
}
