using System.Text;
using Governance.Audit.Offline.Integrity;
using Governance.Audit.Storage;
using Npgsql;

namespace Governance.Audit;

/// <summary>Reads integrated entries (for the API, compliance views and tests).</summary>
public sealed class AuditReader(NpgsqlDataSource dataSource)
{
    public async Task<StoredAuditEntry?> GetAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AuditEntryColumns.SelectLogged + " WHERE record_id = audit_record_id($1)");
        command.Parameters.Add(new() { Value = sequence });
        var rows = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<StoredAuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand();
        // Sequence order is record order (ADR-010), so the cursor becomes a record id and every
        // filter can use its (column, id) index; a cursor past the end matches nothing.
        var sql = new StringBuilder(AuditEntryColumns.SelectLogged)
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
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
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
