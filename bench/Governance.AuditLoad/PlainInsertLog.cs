using System.Threading.Channels;
using Governance.Audit.Integrity;
using Governance.Domain.Auditing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.AuditLoad;

/// <summary>
/// The baseline: the same rows, the same group commit (one COPY and one commit per batch of up to
/// 512, callers released at commit), into a plain table: no leaf hash, no sequencer, no tree.
/// </summary>
internal sealed class PlainInsertLog : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Done)> _queue = Channel.CreateBounded<(AuditEntry, TaskCompletionSource)>(16_384);
    private readonly Task _loop;

    public PlainInsertLog(NpgsqlDataSource dataSource, string table)
    {
        _dataSource = dataSource;
        _table = table;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// A table with audit_records' columns minus the leaf hash and its encoding version; with
    /// <paramref name="searchIndexes"/>, also its secondary indexes (migration 0008), which the
    /// compliance search needs with or without tamper-evidence.
    /// </summary>
    public static string CreateSql(string table, bool searchIndexes) => $"""
        CREATE TABLE {table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, request_id uuid NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), occurred_at timestamptz NOT NULL,
            action text NOT NULL, outcome text NOT NULL CHECK (outcome IN ('succeeded', 'denied', 'rejected', 'failed')), status_code integer NOT NULL,
            actor_id text NOT NULL, actor_role text NOT NULL, tenant_id text, model_name text, model_version text, model_digest text, error_code text,
            rule_ids text[] NOT NULL, input_digest text, output_digest text, trace_id text, policy_version text, decision text, data_subject text);
        {(searchIndexes ? $"""
            CREATE UNIQUE INDEX ON {table} (request_id);
            CREATE INDEX ON {table} (tenant_id, id);
            CREATE INDEX ON {table} (data_subject, id) WHERE data_subject IS NOT NULL;
            CREATE INDEX ON {table} USING brin (occurred_at) WITH (autosummarize = on);
            """ : "")}
        GRANT SELECT, INSERT ON {table} TO governance_app;
        """;

    public async Task AppendAsync(AuditEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var truncated = AuditEntryEncoding.TruncateToMicroseconds(entry.OccurredAt);
        await _queue.Writer.WriteAsync((truncated == entry.OccurredAt ? entry : entry with { OccurredAt = truncated }, done));
        await done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.Complete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Done)>(512);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < 512 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await using (var connection = await _dataSource.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var copy = await connection.BeginBinaryImportAsync(
                    $"COPY {_table} (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id, model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id, policy_version, decision, data_subject) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var (e, _) in batch)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(e.RequestId, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(e.Action, NpgsqlDbType.Text);
                        await copy.WriteAsync(AuditOutcomeCodes.ToCode(e.Outcome), NpgsqlDbType.Text);
                        await copy.WriteAsync(e.StatusCode, NpgsqlDbType.Integer);
                        await copy.WriteAsync(e.ActorId, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ActorRole, NpgsqlDbType.Text);
                        await WriteNullableAsync(copy, e.TenantId);
                        await WriteNullableAsync(copy, e.ModelName);
                        await WriteNullableAsync(copy, e.ModelVersion);
                        await WriteNullableAsync(copy, e.ModelDigest);
                        await WriteNullableAsync(copy, e.ErrorCode);
                        await copy.WriteAsync(e.RuleIds as string[] ?? [.. e.RuleIds], NpgsqlDbType.Array | NpgsqlDbType.Text);
                        await WriteNullableAsync(copy, e.InputDigest);
                        await WriteNullableAsync(copy, e.OutputDigest);
                        await WriteNullableAsync(copy, e.TraceId);
                        await WriteNullableAsync(copy, e.PolicyVersion);
                        await WriteNullableAsync(copy, e.Decision);
                        await WriteNullableAsync(copy, e.DataSubject);
                    }

                    await copy.CompleteAsync();
                }

                await transaction.CommitAsync();
            }

            batch.ForEach(b => b.Done.TrySetResult());
            batch.Clear();
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, NpgsqlDbType.Text);
}
