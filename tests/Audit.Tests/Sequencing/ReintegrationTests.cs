using Governance.Domain.Auditing;
using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests.Sequencing;

/// <summary>
/// The sequencer commits asynchronously, so a crash may lose its last batches. That is safe only if
/// a new leader, recomputing them from the durable records, assigns every record the same sequence
/// and leaf: here the lost batches are removed by hand and the receipts compared afterwards.
/// </summary>
public sealed class ReintegrationTests
{
    [Fact]
    public async Task LostSequencerBatches_AreRecomputedIdentically()
    {
        await using var db = await TestDatabase.CreateAsync();
        var receipts = new List<(Guid RequestId, AuditReceipt Receipt)>();
        await using (var log = await RunningAuditLog.StartAsync(db.AppDataSource))
        {
            for (var round = 0; round < 10; round++)
            {
                // Concurrent writers, and a command rolled back in between: its record id is never used.
                var entries = Enumerable.Range(0, 30).Select(i => SampleEntries.Create((round * 30) + i)).ToArray();
                var batch = await Task.WhenAll(entries.Select(e => log.AppendAsync(e, CancellationToken.None).AsTask()));
                receipts.AddRange(entries.Select((e, i) => (e.RequestId, batch[i])));
                await using var connection = await db.AppDataSource.OpenConnectionAsync();
                await using var rolledBack = await connection.BeginTransactionAsync();
                await log.AppendInTransactionAsync(connection, rolledBack, SampleEntries.Create(999), CancellationToken.None);
                await rolledBack.RollbackAsync();
            }
        }

        // What a crash of an asynchronously committed batch leaves: runs and nodes gone, records kept.
        await ExecuteAsync(db.AdminDataSource, """
            SET session_replication_role = replica;
            DELETE FROM audit_log_runs WHERE first_sequence + entry_count - 1 > 100;
            DELETE FROM audit_tree_nodes WHERE (node_index + 1) << level > (SELECT coalesce(max(first_sequence + entry_count - 1), 0) FROM audit_log_runs);
            """);
        await using (var successor = await RunningAuditLog.StartAsync(db.AppDataSource))
        {
            await successor.AppendAsync(SampleEntries.Create(1000), CancellationToken.None);
        }

        var reader = new AuditReader(db.AppDataSource);
        foreach (var (requestId, receipt) in receipts)
        {
            var stored = await reader.GetAsync(receipt.Sequence, CancellationToken.None);
            Assert.Equal(requestId, stored?.Entry.RequestId);
            Assert.Equal(receipt, stored?.Receipt);
        }

        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
        Assert.Equal(301, verified.EntriesChecked);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
