using System.Data;
using System.Threading.Channels;
using Governance.Audit.Sequencing;
using Governance.Audit.Storage;
using Governance.Domain.Auditing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Audit;

/// <summary>
/// Appends with group commit: callers queue their entry; one background loop writes everything
/// queued in a single transaction (one counter update, one COPY, one fsync) and each caller gets its
/// final receipt when that commits: the sequence was fixed inside the transaction (ADR-029). The
/// <see cref="AuditSequencer"/> (its own hosted service) integrates the records into the Merkle log at
/// those sequences afterwards; <see cref="WaitForIntegrationAsync"/> waits for that, through the
/// <see cref="IntegrationTracker"/>. A failed batch fails its callers only; the next batch retries the
/// database, so the log recovers by itself. The writer loop runs between <see cref="StartAsync"/> and
/// <see cref="StopAsync"/>, which writes what is queued and then ends.
/// </summary>
public sealed class GroupCommitAuditLog : IAuditLog, IHostedService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue;
    private readonly IntegrationTracker _tracker;
    private readonly AuditSequencer _sequencer;
    private Task _loop = Task.CompletedTask;

    // Batches failed in a row; only the single writer loop touches it.
    private long _failedBatches;

    internal GroupCommitAuditLog(
        NpgsqlDataSource dataSource, GroupCommitOptions options, IntegrationTracker tracker, AuditSequencer sequencer, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        _dataSource = dataSource;
        _options = options;
        _tracker = tracker;
        _sequencer = sequencer;
        _logger = logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Entries already queued are still written; new ones are refused.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var receipt = await WriteAsync(entry, cancellationToken).ConfigureAwait(false);
        return await WaitForIntegrationAsync(receipt, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AuditReceipt> WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
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
        return await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditReceipt> AppendInTransactionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            // Kept from ADR-004: commands stay READ COMMITTED so they never act on a stale snapshot of the trail.
            throw new InvalidOperationException("Audit entries can only be appended in a READ COMMITTED transaction.");
        }

        var prepared = PreparedEntry.From(entry);
        try
        {
            var (sequence, recordedAt) = await RecordWriter.WriteAsync(connection, [prepared], null, cancellationToken).ConfigureAwait(false);
            return prepared.ReceiptAt(sequence, recordedAt);
        }
        catch (NpgsqlException ex)
        {
            throw new AuditUnavailableException("The audit entry could not be written in the transaction.", ex);
        }
    }

    public async ValueTask<AuditReceipt> WaitForIntegrationAsync(AuditReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var integrated = _tracker.WaitAsync(receipt.Sequence);
        if (!integrated.IsCompleted)
        {
            _sequencer.Wake();
        }

        try
        {
            await integrated.WaitAsync(_options.IntegrationTimeout, cancellationToken).ConfigureAwait(false);
            return receipt;
        }
        catch (TimeoutException ex)
        {
            throw new AuditUnavailableException(
                $"The audit entry at sequence {receipt.Sequence} is durable but was not integrated into the log within {_options.IntegrationTimeout}.", ex);
        }
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

    // Any failure, whatever its type, must reach the waiting callers as "unavailable".
    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var entries = batch.ConvertAll(p => p.Entry);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var (first, recordedAt) = await RecordWriter.WriteAsync(connection, entries, _options.CounterLockTimeout, CancellationToken.None).ConfigureAwait(false);
                    await transaction.CommitAsync().ConfigureAwait(false);
                    _sequencer.Wake();
                    if (_failedBatches > 0)
                    {
                        AuditLogMessages.BatchesRecovered(_logger, _failedBatches);
                        _failedBatches = 0;
                    }

                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].TrySetResult(batch[i].Entry.ReceiptAt(first + i, recordedAt));
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // One stack trace per outage, not one per batch: the API summarizes the refused calls.
            if (_failedBatches++ == 0)
            {
                AuditLogMessages.BatchFailed(_logger, batch.Count, ex);
            }

            foreach (var pending in batch)
            {
                pending.TrySetException(
                    new AuditUnavailableException("The audit log could not make the entry durable.", ex));
            }
        }
    }

    // Completes when the entry is durable; asynchronous continuations keep callers' code off the single writer loop.
    private sealed class Pending(PreparedEntry entry) : TaskCompletionSource<AuditReceipt>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public PreparedEntry Entry { get; } = entry;
    }
}
