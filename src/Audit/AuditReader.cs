using System.Text;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// Reads integrated entries (for the API, compliance views and tests). A read for a tenant runs as the
/// database role <see cref="TenantReaderRole"/> in its own transaction, naming the tenant in the
/// session: that role can read nothing of the log but the view of that tenant's entries (ADR-028).
/// </summary>
public sealed class AuditReader(NpgsqlDataSource dataSource)
{
    public const string TenantReaderRole = "governance_tenant_reader";

    private const string EnterTenantSql = "SELECT set_config('governance.scope', 'tenant', true), set_config('governance.tenant', $1, true)";

    public Task<StoredAuditEntry?> GetAsync(long sequence, CancellationToken cancellationToken) => GetAsync(sequence, null, cancellationToken);

    /// <summary>The entry at <paramref name="sequence"/>; with <paramref name="asTenant"/>, only if it is that tenant's.</summary>
    public async Task<StoredAuditEntry?> GetAsync(long sequence, string? asTenant, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select(asTenant) + " WHERE record_id = audit_record_id($1)");
        command.Parameters.Add(new() { Value = sequence });
        var rows = await ReadAllAsync(command, asTenant, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<StoredAuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = new NpgsqlCommand();
        // Sequence order is record order (ADR-010), so the cursor becomes a record id and every
        // filter can use its (column, id) index; a cursor past the end matches nothing.
        var sql = new StringBuilder(Select(query.AsTenant))
            .Append(" WHERE record_id > CASE WHEN $1 = 0 THEN 0 ELSE coalesce(audit_record_id($1), 9223372036854775807) END");
        command.Parameters.Add(new() { Value = query.AfterSequence });
        // Only fixed SQL fragments are appended; every value travels as a parameter.
        void Filter(string column, object? value, string op = " = ")
        {
            if (value is not null)
            {
                command.Parameters.Add(new() { Value = value });
                sql.Append(" AND ").Append(column).Append(op).Append('$').Append(command.Parameters.Count);
            }
        }

        Filter("tenant_id", query.TenantId);
        Filter("action", query.Action);
        Filter("outcome", query.Outcome is { } outcome ? AuditOutcomeCodes.ToCode(outcome) : null);
        Filter("request_id", query.RequestId);
        Filter("actor_id", query.ActorId);
        Filter("model_name", query.ModelName);
        Filter("data_subject", query.DataSubject);
        // Not indexed: combine with a tenant, subject or time range on a large log.
        Filter("decision::jsonb ->> 'effect'", query.Effect);
        if (query.RuleId is not null)
        {
            command.Parameters.Add(new() { Value = query.RuleId });
            sql.Append(" AND $").Append(command.Parameters.Count).Append(" = ANY(rule_ids)");
        }

        Filter("occurred_at", query.From, " >= ");
        Filter("occurred_at", query.To, " < ");
        command.Parameters.Add(new() { Value = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit) });
        sql.Append(" ORDER BY record_id LIMIT $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, query.AsTenant, cancellationToken).ConfigureAwait(false);
    }

    private static string Select(string? asTenant) => asTenant is null ? AuditEntryColumns.SelectLogged : AuditEntryColumns.SelectLoggedForTenant;

    private async Task<List<StoredAuditEntry>> ReadAllAsync(NpgsqlCommand command, string? asTenant, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            command.Connection = connection;
            if (asTenant is null)
            {
                return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            }

            // Transaction-local role and settings: nothing of the tenant's session survives into the pool.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using (var role = new NpgsqlCommand("SET LOCAL ROLE " + TenantReaderRole, connection, transaction))
                {
                    await role.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var enter = new NpgsqlCommand(EnterTenantSql, connection, transaction))
                {
                    enter.Parameters.Add(new() { Value = asTenant });
                    await enter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                command.Transaction = transaction;
                var entries = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return entries;
            }
        }
    }

    private static async Task<List<StoredAuditEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<StoredAuditEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(AuditEntryColumns.ReadLogged(reader));
            }
        }

        return entries;
    }
}
