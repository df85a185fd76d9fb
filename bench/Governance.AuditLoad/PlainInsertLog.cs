using System.Threading.Channels;
using Governance.Audit.Integrity;
using Governance.Domain.Auditing;
using Npgsql;
using NpgsqlTypes;

namespace Governance.AuditLoad;

/// <summary>
/// The baseline: the same rows, the same group commit (one COPY and one commit per batch of up to
/// 512), into a plain table with no hashing, no staging, no sequencer, no triggers.
/// </summary>
internal sealed class PlainInsertLog : IAsyncDisposable
{
    public const string CreateSql = """
        CREATE TABLE bench_plain (id bigserial PRIMARY KEY, request_id uuid NOT NULL, occurred_at timestamptz NOT NULL,
            action text NOT NULL, outcome text NOT NULL, status_code int NOT NULL, actor_id text NOT NULL, actor_role text NOT NULL,
            tenant_id text, model_name text, model_version text, model_digest text, error_code text, rule_ids text[] NOT NULL, input_digest text, output_digest text, trace_id text)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Done)> _queue = Channel.CreateBounded<(AuditEntry, TaskCompletionSource)>(16_384);
    private readonly Task _loop;

    public PlainInsertLog(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _loop = Task.Run(RunAsync);
    }

    public async Task AppendAsync(AuditEntry entry)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((entry, done));
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
                    "COPY bench_plain (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id, model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var (e, _) in batch)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(e.RequestId, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(AuditEntryEncoding.TruncateToMicroseconds(e.OccurredAt), NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(e.Action, NpgsqlDbType.Text);
                        await copy.WriteAsync(AuditOutcomeCodes.ToCode(e.Outcome), NpgsqlDbType.Text);
                        await copy.WriteAsync(e.StatusCode, NpgsqlDbType.Integer);
                        await copy.WriteAsync(e.ActorId, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ActorRole, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.TenantId, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ModelName, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ModelVersion, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ModelDigest, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.ErrorCode, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.RuleIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                        await copy.WriteAsync(e.InputDigest, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.OutputDigest, NpgsqlDbType.Text);
                        await copy.WriteAsync(e.TraceId, NpgsqlDbType.Text);
                    }

                    await copy.CompleteAsync();
                }

                await transaction.CommitAsync();
            }

            batch.ForEach(b => b.Done.TrySetResult());
            batch.Clear();
        }
    }
}
