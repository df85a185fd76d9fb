using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Domain.Auditing;
using Npgsql;

namespace Governance.Audit.Sequencing;

/// <summary>
/// Callers waiting for their staged entry to get its sequence. The local sequencer completes them
/// directly; entries integrated by a sequencer in another process are found by a short poll that
/// runs only while someone waits. While this process leads, the poll asks only about waiters older
/// than <see cref="LeaderGrace"/> (the few the local leader integrated before anyone watched):
/// polling for every waiter at thousands of entries per second would load the database for nothing.
/// </summary>
internal sealed class IntegrationTracker : IAsyncDisposable
{
    private static readonly TimeSpan LeaderGrace = TimeSpan.FromMilliseconds(250);
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _pollInterval;
    private readonly Func<bool> _localLeader;
    private readonly ConcurrentDictionary<long, Waiter> _waiting = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poll;

    public IntegrationTracker(NpgsqlDataSource dataSource, TimeSpan pollInterval, Func<bool> localLeader)
    {
        _dataSource = dataSource;
        _pollInterval = pollInterval;
        _localLeader = localLeader;
        _poll = Task.Run(() => PollAsync(_stop.Token));
    }

    /// <summary>The completion for a staged id (created on first use, by a waiter or by the sequencer's report).</summary>
    public Task<AuditReceipt> Watch(long stagedId) => _waiting.GetOrAdd(stagedId, _ => new Waiter()).Completion.Task;

    public void Forget(long stagedId) => _waiting.TryRemove(stagedId, out _);

    public void Complete(IReadOnlyList<(long StagedId, AuditReceipt Receipt)> receipts)
    {
        foreach (var (stagedId, receipt) in receipts)
        {
            if (_waiting.TryRemove(stagedId, out var waiter))
            {
                waiter.Completion.TrySetResult(receipt);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _poll.ConfigureAwait(false);
        _stop.Dispose();
    }

#pragma warning disable CA1031 // A failed poll is retried at the next tick; waiters have their own timeout.
    private async Task PollAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_pollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var all = !_localLeader();
                var ids = _waiting.Where(w => all || Stopwatch.GetElapsedTime(w.Value.Since) > LeaderGrace).Select(w => w.Key).ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                try
                {
                    Complete(await LookUpAsync(ids, stop).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }
#pragma warning restore CA1031

    private async Task<List<(long, AuditReceipt)>> LookUpAsync(long[] stagedIds, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT staged_id, sequence, entry_hash, committed_at FROM audit_entries WHERE staged_id = ANY($1)");
        command.Parameters.Add(new() { Value = stagedIds });
        var found = new List<(long, AuditReceipt)>();
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add((reader.GetInt64(0), new AuditReceipt(
                    reader.GetInt64(1), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2)), reader.GetFieldValue<DateTimeOffset>(3))));
            }
        }

        return found;
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<AuditReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Since { get; } = Stopwatch.GetTimestamp();
    }
}
