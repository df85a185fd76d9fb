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
/// queued in a single transaction (one COPY, one fsync) and each caller is durable when it commits.
/// The <see cref="AuditSequencer"/> (its own hosted service) then gives the entries their place in
/// the Merkle log, and <see cref="AppendAsync"/> returns the receipt the
/// <see cref="IntegrationTracker"/> hands back. A failed batch fails its callers only; the next batch
/// retries the database, so the log recovers by itself. The writer loop runs between
/// <see cref="StartAsync"/> and <see cref="StopAsync"/>, which writes what is queued and then ends.
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
        var written = await WriteAsync(entry, cancellationToken).ConfigureAwait(false);
        return await WaitForIntegrationAsync(written, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WrittenAuditEntry> WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(PreparedEntry.From(entry));
        // Watched before it can commit, so a fast local sequencer cannot report it before anyone
        // listens; done here, on the caller's thread, to keep the writer loop short.
        _tracker.Watch(pending.Entry.Entry.RequestId);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            _tracker.Forget(pending.Entry.Entry.RequestId);
            throw new ObjectDisposedException(nameof(GroupCommitAuditLog), ex);
        }
        catch (OperationCanceledException)
        {
            _tracker.Forget(pending.Entry.Entry.RequestId);
            throw;
        }

        // Cancelling stops the wait only: once queued, the entry may still be committed.
        await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WrittenAuditEntry(pending.Entry.Entry.RequestId);
    }

    public async Task<WrittenAuditEntry> AppendInTransactionAsync(
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
            await RecordWriter.WriteAsync(connection, [prepared], cancellationToken).ConfigureAwait(false);
            return new WrittenAuditEntry(prepared.Entry.RequestId);
        }
        catch (NpgsqlException ex)
        {
            throw new AuditUnavailableException("The audit entry could not be written in the transaction.", ex);
        }
    }

    public async ValueTask<AuditReceipt> WaitForIntegrationAsync(WrittenAuditEntry written, CancellationToken cancellationToken)
    {
        var integrated = _tracker.WaitAsync(written.RequestId, cancellationToken);
        _sequencer.Wake();
        try
        {
            return (await integrated.WaitAsync(_options.IntegrationTimeout, cancellationToken).ConfigureAwait(false)).ToReceipt();
        }
        catch (TimeoutException ex)
        {
            _tracker.Forget(written.RequestId);
            throw new AuditUnavailableException(
                $"The audit entry of request {written.RequestId} is durable but was not integrated into the log within {_options.IntegrationTimeout}.", ex);
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
                    await RecordWriter.WriteAsync(connection, entries, CancellationToken.None).ConfigureAwait(false);
                    await transaction.CommitAsync().ConfigureAwait(false);
                    _sequencer.Wake();
                    if (_failedBatches > 0)
                    {
                        AuditLogMessages.BatchesRecovered(_logger, _failedBatches);
                        _failedBatches = 0;
                    }

                    foreach (var pending in batch)
                    {
                        pending.TrySetResult();
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
                _tracker.Forget(pending.Entry.Entry.RequestId);
                pending.TrySetException(
                    new AuditUnavailableException("The audit log could not make the entry durable.", ex));
            }
        }
    }

    // Completes when the entry is durable; asynchronous continuations keep callers' code off the single writer loop.
    private sealed class Pending(PreparedEntry entry) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public PreparedEntry Entry { get; } = entry;
    }
}
