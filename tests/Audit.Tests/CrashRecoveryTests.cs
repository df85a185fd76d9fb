using System.Collections.Concurrent;
using Governance.Domain.Auditing;
using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>
/// PostgreSQL itself dies under load (immediate stop: no checkpoint, WAL replay on restart). Calls
/// fail closed while it is down, the same log recovers by itself once it is back, and every receipt
/// handed out before the crash still names the entry the log holds at that sequence, although the
/// sequencer commits asynchronously (ADR-010: its output follows from durable records alone).
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task PostgresCrashMidLoad_FailsClosed_RecoversByItself_AndEveryReceiptStillHolds()
    {
        await using var cluster = await CrashableCluster.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(cluster.AppConnectionString);
        await using var log = await RunningAuditLog.StartAsync(dataSource);
        var receipts = new ConcurrentBag<(Guid RequestId, AuditReceipt Receipt)>();
        var refused = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 32).Select(caller => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var entry = SampleEntries.Create(caller);
                try
                {
                    receipts.Add((entry.RequestId, await log.AppendAsync(entry, CancellationToken.None)));
                }
                catch (AuditUnavailableException)
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(20);
                }
            }
        })).ToArray();

        await UntilAsync(() => receipts.Count >= 2000);
        await cluster.CrashAsync();
        var beforeRestart = receipts.Count;
        await UntilAsync(() => Volatile.Read(ref refused) > 0);
        await cluster.RestartAsync();
        await UntilAsync(() => receipts.Count >= beforeRestart + 1000);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var stored = await LogByRequestAsync(dataSource);
        foreach (var (requestId, receipt) in receipts)
        {
            Assert.True(stored.TryGetValue(requestId, out var entry), $"request {requestId} got sequence {receipt.Sequence} but has no entry");
            Assert.Equal(receipt.Sequence, entry.Sequence);
            Assert.Equal(receipt.EntryHash, entry.LeafHash);
        }

        Assert.Equal(stored.Count, stored.Values.Max(e => e.Sequence));
        Assert.True(Volatile.Read(ref refused) > 0);
    }

    private static async Task<Dictionary<Guid, (long Sequence, string LeafHash)>> LogByRequestAsync(NpgsqlDataSource dataSource)
    {
        var entries = new Dictionary<Guid, (long, string)>();
        await using var command = dataSource.CreateCommand("SELECT request_id, sequence, leaf_hash FROM audit_entries");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries[reader.GetGuid(0)] = (reader.GetInt64(1), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2)));
        }

        return entries;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the load to progress");
            await Task.Delay(50);
        }
    }
}
