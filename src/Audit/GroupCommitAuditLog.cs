using System.Data;
using System.Threading.Channels;
using Governance.Audit.Storage;
using Governance.Domain.Auditing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// Appends with group commit: callers queue their entry and wait; one background loop writes
/// everything queued in a single transaction (one lock, one COPY, one fsync) and then releases
/// each caller with its receipt. A failed batch fails its callers only; the next batch retries
/// the database, so the log recovers by itself once PostgreSQL is back.
/// </summary>
public sealed class GroupCommitAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue;
    private readonly Task _loop;

    public GroupCommitAuditLog(NpgsqlDataSource dataSource, GroupCommitOptions? options = null, ILogger<GroupCommitAuditLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _options = options ?? new GroupCommitOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxBatchSize, 1, nameof(options));
        _logger = logger ?? NullLogger<GroupCommitAuditLog>.Instance;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(PreparedEntry.From(entry));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException(nameof(GroupCommitAuditLog), ex);
        }

        // Cancelling stops the wait only: once queued, the entry may still be committed.
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditReceipt> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            // A snapshot older than the sequencing lock would read a stale tail and fork the chain.
            throw new InvalidOperationException("Audit entries can only be appended in a READ COMMITTED transaction.");
        }

        var prepared = PreparedEntry.From(entry);
        try
        {
            var receipts = await AuditAppender.AppendAsync(connection, transaction, [prepared], cancellationToken).ConfigureAwait(false);
            return receipts[0];
        }
        catch (NpgsqlException ex)
        {
            throw new AuditUnavailableException("The audit entry could not be written in the transaction.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Entries already queued are still written; new ones are refused.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

#pragma warning disable CA1031 // Any failure, whatever its type, must reach the waiting callers as "unavailable".
    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var receipts = await AuditAppender.AppendAsync(
                        connection, transaction, batch.ConvertAll(p => p.Entry), CancellationToken.None).ConfigureAwait(false);
                    await transaction.CommitAsync().ConfigureAwait(false);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(receipts[i]);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            AuditLogLog.BatchFailed(_logger, batch.Count, ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(
                    new AuditUnavailableException("The audit log could not make the entry durable.", ex));
            }
        }
    }
#pragma warning restore CA1031

    private sealed record Pending(PreparedEntry Entry)
    {
        // Asynchronous continuations keep callers' code off the single writer loop.
        public TaskCompletionSource<AuditReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
