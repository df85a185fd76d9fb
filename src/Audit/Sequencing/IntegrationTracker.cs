using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// Callers waiting for their written entry to get its sequence. The local sequencer completes them
/// directly; entries integrated by a sequencer in another process are found by a short poll that
/// runs only while someone waits. While this process leads, it integrates everything written here
/// itself, so the poll runs only every <see cref="LeaderGrace"/> and asks only about waiters older
/// than that (entries a previous leader integrated): polling for every waiter at thousands of
/// entries per second would load the database for nothing. The poll is a hosted service's loop.
/// </summary>
internal sealed class IntegrationTracker : BackgroundService
{
    private static readonly TimeSpan LeaderGrace = TimeSpan.FromMilliseconds(250);
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _pollInterval;
    private readonly AuditSequencer _sequencer;
    private readonly ConcurrentDictionary<Guid, Waiter> _waiting = new();

    public IntegrationTracker(NpgsqlDataSource dataSource, TimeSpan pollInterval, AuditSequencer sequencer)
    {
        _dataSource = dataSource;
        _pollInterval = pollInterval;
        _sequencer = sequencer;
        sequencer.Integrated += Complete;
    }

    /// <summary>Starts watching a request's entry before it can commit, so the local sequencer's report cannot be missed.</summary>
    public void Watch(Guid requestId) => _waiting.GetOrAdd(requestId, _ => new Waiter());

    /// <summary>
    /// The completion for a request's entry. If nobody was watching for it (written in a caller's own
    /// transaction, or already reported and gone), it may be in the log already: one look settles that.
    /// </summary>
    public async Task<IntegratedRecord> WaitAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var created = false;
        var waiter = _waiting.GetOrAdd(requestId, _ =>
        {
            created = true;
            return new Waiter();
        });
        if (created)
        {
            try
            {
                Complete(await LookUpAsync([requestId], cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
            {
                // Best effort: the poll looks again, and the caller has its own timeout.
            }
        }

        return await waiter.Task.ConfigureAwait(false);
    }

    public void Forget(Guid requestId) => _waiting.TryRemove(requestId, out _);

    public void Complete(IReadOnlyList<IntegratedRecord> records)
    {
        foreach (var record in records)
        {
            if (_waiting.TryRemove(record.RequestId, out var waiter))
            {
                waiter.TrySetResult(record);
            }
        }
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
                var all = !_sequencer.IsLeader;
                if (!all && Stopwatch.GetElapsedTime(lastLeaderPoll) < LeaderGrace)
                {
                    continue;
                }

                lastLeaderPoll = Stopwatch.GetTimestamp();
                var ids = _waiting.Where(w => all || Stopwatch.GetElapsedTime(w.Value.Since) > LeaderGrace).Select(w => w.Key).ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                try
                {
                    Complete(await LookUpAsync(ids, stoppingToken).ConfigureAwait(false));
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

    private async Task<List<IntegratedRecord>> LookUpAsync(Guid[] requestIds, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT request_id, sequence, leaf_hash, recorded_at FROM audit_entries WHERE request_id = ANY($1)");
        command.Parameters.Add(new() { Value = requestIds });
        var found = new List<IntegratedRecord>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add(new IntegratedRecord(reader.GetGuid(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        return found;
    }

    private sealed class Waiter() : TaskCompletionSource<IntegratedRecord>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public long Since { get; } = Stopwatch.GetTimestamp();
    }
}
