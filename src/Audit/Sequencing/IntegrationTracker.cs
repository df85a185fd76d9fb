using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// How far the Merkle log has come, for callers waiting until their sequence is integrated. The local
/// sequencer reports every batch it commits; while this process does not lead, a short poll of the
/// log's size runs, only while someone waits. While it leads, the poll runs only every
/// <see cref="LeaderGrace"/> and only for waiters older than that (a record the previous leader
/// integrated before this one loaded the tail). One indexed row per poll, whatever the number of
/// waiters. The poll is a hosted service's loop.
/// </summary>
internal sealed class IntegrationTracker : BackgroundService
{
    private static readonly TimeSpan LeaderGrace = TimeSpan.FromMilliseconds(250);
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _pollInterval;
    private readonly AuditSequencer _sequencer;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Waiter, long> _waiting = new();
    private long _size;

    public IntegrationTracker(NpgsqlDataSource dataSource, TimeSpan pollInterval, AuditSequencer sequencer)
    {
        _dataSource = dataSource;
        _pollInterval = pollInterval;
        _sequencer = sequencer;
        sequencer.Advanced += Advance;
    }

    /// <summary>Completes once the log holds <paramref name="sequence"/> (at once if it already does, as far as this process knows).</summary>
    public Task WaitAsync(long sequence)
    {
        if (sequence <= Volatile.Read(ref _size))
        {
            return Task.CompletedTask;
        }

        var waiter = new Waiter();
        lock (_gate)
        {
            if (sequence <= _size)
            {
                return Task.CompletedTask;
            }

            _waiting.Enqueue(waiter, sequence);
        }

        return waiter.Task;
    }

    /// <summary>The log holds every sequence up to <paramref name="size"/>.</summary>
    public void Advance(long size)
    {
        List<Waiter>? done = null;
        lock (_gate)
        {
            if (size <= _size)
            {
                return;
            }

            Volatile.Write(ref _size, size);
            while (_waiting.TryPeek(out var waiter, out var sequence) && sequence <= size)
            {
                _waiting.Dequeue();
                (done ??= []).Add(waiter);
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        done?.ForEach(w => w.TrySetResult());
    }

    // A failed poll is retried at the next tick; waiters have their own timeout.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_pollInterval);
        var lastLeaderPoll = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!ShouldPoll(ref lastLeaderPoll))
                {
                    continue;
                }

                try
                {
                    Advance(await LogSizeAsync(stoppingToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private bool ShouldPoll(ref long lastLeaderPoll)
    {
        Waiter? oldest;
        lock (_gate)
        {
            if (!_waiting.TryPeek(out oldest, out _))
            {
                return false;
            }
        }

        if (!_sequencer.IsLeader)
        {
            return true;
        }

        if (Stopwatch.GetElapsedTime(lastLeaderPoll) < LeaderGrace || Stopwatch.GetElapsedTime(oldest.Since) < LeaderGrace)
        {
            return false;
        }

        lastLeaderPoll = Stopwatch.GetTimestamp();
        return true;
    }

    private async Task<long> LogSizeAsync(CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT first_sequence + entry_count - 1 FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1");
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long size ? size : 0;
    }

    private sealed class Waiter() : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public long Since { get; } = Stopwatch.GetTimestamp();
    }
}
