using Npgsql;

namespace Governance.Api.PolicyEngine;

/// <summary>One stored policy version with its approvals and whether it is the active one.</summary>
public sealed record PolicyVersionRow(
    int Version, string Name, string Source, string Sha256, int RuleCount, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<string> ApprovedBy, bool Active, bool EverActivated)
{
    public string Status => Active ? "active" : ApprovedBy.Count > 0 ? "approved" : "draft";
}

/// <summary>The currently active version and the activation that made it so.</summary>
public sealed record ActiveVersion(int Version, long ActivationId, string Source);

/// <summary>
/// SQL over the policy tables (db/migrations/0005). Commands run on the connection and transaction of
/// the audit behaviour, so a version, approval or activation commits with its audit entry.
/// </summary>
public static class PolicyStore
{
    // "gov_pol" + 1 as a big-endian int64: serialises version numbering between processes.
    private const long VersionLock = 0x676F765F706F6C01;

    private const string RowSql = """
        SELECT v.version, v.name, v.source, v.sha256, v.rule_count, v.created_at, v.created_by,
               COALESCE((SELECT array_agg(a.approved_by ORDER BY a.approved_at) FROM policy_approvals a WHERE a.version = v.version), '{}'),
               COALESCE(v.version = (SELECT version FROM policy_activations ORDER BY id DESC LIMIT 1), false),
               EXISTS (SELECT 1 FROM policy_activations x WHERE x.version = v.version)
        FROM policy_versions v
        """;

    public static async Task<int> InsertVersionAsync(NpgsqlConnection connection, string name, string source, int ruleCount, DateTimeOffset at, string by, CancellationToken ct)
    {
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({VersionLock})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO policy_versions (version, name, source, sha256, rule_count, created_at, created_by)
            SELECT COALESCE(max(version), 0) + 1, $1, $2, $3, $4, $5, $6 FROM policy_versions
            RETURNING version
            """, connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = PolicyLoader.Digest(source) });
        command.Parameters.Add(new() { Value = ruleCount });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = by });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task ApproveAsync(NpgsqlConnection connection, int version, string by, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("INSERT INTO policy_approvals (version, approved_by, approved_at) VALUES ($1, $2, $3)", connection);
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = by });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ActivateAsync(NpgsqlConnection connection, int version, string by, DateTimeOffset at, bool emergency, string? reason, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO policy_activations (version, activated_at, activated_by, emergency, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, connection);
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = by });
        command.Parameters.Add(new() { Value = emergency });
        command.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<PolicyVersionRow?> GetAsync(NpgsqlConnection connection, int version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(RowSql + " WHERE v.version = $1", connection);
        command.Parameters.Add(new() { Value = version });
        var rows = await ReadRowsAsync(command, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public static async Task<IReadOnlyList<PolicyVersionRow>> ListAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(RowSql + " ORDER BY v.version DESC LIMIT 1000", connection);
        return await ReadRowsAsync(command, ct);
    }

    public static async Task<ActiveVersion?> ActiveAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT a.version, a.id, v.source FROM policy_activations a JOIN policy_versions v ON v.version = a.version ORDER BY a.id DESC LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ActiveVersion(reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    /// <summary>The id of the latest activation only: what the watcher polls (cheap, index-only).</summary>
    public static async Task<long?> LatestActivationIdAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT max(id) FROM policy_activations", connection);
        return await command.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    private static async Task<List<PolicyVersionRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<PolicyVersionRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PolicyVersionRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetFieldValue<string[]>(7),
                reader.GetBoolean(8), reader.GetBoolean(9)));
        }

        return rows;
    }
}
