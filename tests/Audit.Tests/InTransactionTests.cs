using System.Data;
using Governance.Testing;

namespace Governance.Audit.Tests;

/// <summary>
/// Commands write their entry in their own transaction, with no lock (ADR-010). The log follows
/// record order, so it waits at a record whose transaction is open, and moves past it as soon as
/// that transaction ends: committed, the record takes its place; rolled back, its id is skipped.
/// </summary>
public sealed class InTransactionTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task RolledBack_LeavesNoRowAndNoGap()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await using (var connection = await db.AppDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var receipt = await log.AppendAsync(SampleEntries.Create(2), CancellationToken.None);

        Assert.Equal(1, receipt.Sequence);
        var all = await new AuditReader(db.AppDataSource).ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Equal("client-2", Assert.Single(all).Entry.ActorId);
    }

    [Fact]
    public async Task Committed_IsAtomicWithTheCommandsOwnChanges()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "CREATE TEMP TABLE command_changes (note text)";
            await setup.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var change = connection.CreateCommand())
        {
            change.CommandText = "INSERT INTO command_changes VALUES ('granted')";
            await change.ExecuteNonQueryAsync();
        }

        var written = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
        await transaction.CommitAsync();
        var receipt = await log.WaitForIntegrationAsync(written, CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        Assert.Equal(receipt, stored?.Receipt);
        Assert.Equal(written.RequestId, stored?.Entry.RequestId);
    }

    [Fact]
    public async Task RecordThatCommitsLate_KeepsItsPlaceInRecordOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource, new GroupCommitOptions { MaxBatchSize = 4 });
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        var late = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        // Later records commit first, in many transactions, while the first one stays open: durable
        // at once, but none of them gets a sequence before it.
        var written = new List<WrittenAuditEntry>();
        for (var i = 0; i < 10; i++)
        {
            written.AddRange(await Task.WhenAll(Enumerable.Range(0, 5).Select(j => log.WriteAsync(SampleEntries.Create(100 + (i * 5) + j), CancellationToken.None).AsTask())));
        }

        var receipts = Task.WhenAll(written.Select(w => log.WaitForIntegrationAsync(w, CancellationToken.None).AsTask()));
        await Task.Delay(Settle);
        Assert.False(receipts.IsCompleted, "the log moved past a record whose transaction is still open");

        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        Assert.Equal(1, (await log.WaitForIntegrationAsync(late, CancellationToken.None)).Sequence);
        Assert.Equal(Enumerable.Range(2, 50).Select(i => (long)i), (await receipts).Select(r => r.Sequence).Order());
        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
    }

    [Fact]
    public async Task OpenTransaction_DelaysReceiptsNotDurability_AndItsRollbackReleasesThem()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        var written = await log.WriteAsync(SampleEntries.Create(2), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var receipt = log.WaitForIntegrationAsync(written, CancellationToken.None).AsTask();
        await Task.Delay(Settle);
        Assert.False(receipt.IsCompleted);

        await transaction.RollbackAsync();

        Assert.Equal(1, (await receipt.WaitAsync(TimeSpan.FromSeconds(10))).Sequence);
    }

    [Fact]
    public async Task LongTransactionElsewhere_DoesNotHoldTheLogAtARolledBackRecord()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        // A transaction with an xid that stays open for the whole test keeps every snapshot's xmin
        // behind it; the log must not need xmin to move to know the rolled-back id is dead.
        await using var elsewhere = await db.AppDataSource.OpenConnectionAsync();
        await using var longTransaction = await elsewhere.BeginTransactionAsync();
        await using (var write = elsewhere.CreateCommand())
        {
            write.CommandText = "CREATE TEMP TABLE unrelated (x int); INSERT INTO unrelated VALUES (1)";
            await write.ExecuteNonQueryAsync();
        }

        await using (var connection = await db.AppDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var receipt = await log.AppendAsync(SampleEntries.Create(2), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, receipt.Sequence);
        await longTransaction.RollbackAsync();
    }

    [Fact]
    public async Task SnapshotIsolation_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None));
    }
}
