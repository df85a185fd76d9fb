using Governance.Audit.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// Leader or standby. Leadership is a session-level advisory lock on one dedicated connection, and
/// every batch runs on that same connection: if the process dies, its connection closes, the lock
/// frees and a standby (any other API process) takes over at its next try. A leader that loses
/// its connection loses its transaction with it, so two leaders never write at once. A hosted
/// service: it starts after the services registered before it (the migrations) and stops by
/// cancelling its loop.
/// </summary>
public sealed class AuditSequencer : BackgroundService
{
    /// <summary>"gov_seqr" as a big-endian int64.</summary>
    public const long LeaderLockKey = 0x676F765F73657172;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SequencerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);

    internal AuditSequencer(NpgsqlDataSource dataSource, SequencerOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Called with the log's size whenever this process learns it as leader: once the tail is loaded, and after every batch it commits.</summary>
    public event Action<long>? Advanced;

    public bool IsLeader { get; private set; }

    /// <summary>Asks the leader to look for new records now (cheap; a no-op on a standby).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else woke it first: one wake-up is enough.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    // Whatever fails, the loop backs off and tries again; callers fail by their own timeout.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LeadWhilePossibleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                AuditLogMessages.SequencerFailed(_logger, ex);
            }

            IsLeader = false;
            try
            {
                await Task.Delay(_options.TakeoverInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task LeadWhilePossibleAsync(CancellationToken stop)
    {
        var connection = await _dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection))
            {
                lockCommand.Parameters.Add(new() { Value = LeaderLockKey });
                if (!(bool)(await lockCommand.ExecuteScalarAsync(stop).ConfigureAwait(false))!)
                {
                    return; // another process leads; try again after the takeover interval
                }
            }

            IsLeader = true;
            AuditLogMessages.BecameLeader(_logger);
            // Disposing the connection resets the session (DISCARD ALL), which frees the lock.
            await LeadAsync(connection, stop).ConfigureAwait(false);
        }
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        var tail = await LogTail.LoadAsync(connection, stop).ConfigureAwait(false);
        Advanced?.Invoke(tail.Size);
        while (!stop.IsCancellationRequested)
        {
            var integrated = await SequencerBatch.RunAsync(connection, tail, _options.MaxBatchSize, stop).ConfigureAwait(false);
            if (integrated > 0)
            {
                Advanced?.Invoke(tail.Size);
                if (integrated == _options.MaxBatchSize)
                {
                    continue; // more are waiting
                }

                // Under load, let records gather: one bigger batch costs less than many small ones.
                var pause = Math.Min(_options.MaxPause.Ticks, _options.PausePerRecord.Ticks * integrated);
                await Task.Delay(TimeSpan.FromTicks(pause), stop).ConfigureAwait(false);
            }

            await _wake.WaitAsync(_options.PollInterval, stop).ConfigureAwait(false);
        }
    }
}
