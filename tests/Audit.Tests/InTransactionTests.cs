using System.Data;
using Governance.Testing;

namespace Governance.Audit.Tests;

/// <summary>
/// Commands write their entry in their own transaction, taking the log's sequence counter (ADR-029):
/// their receipt is known before they commit, every other writer waits for the counter until that
/// transaction ends, and a rollback gives its sequence back, so the log has no gap.
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

        var entry = SampleEntries.Create(1);
        var written = await log.AppendInTransactionAsync(connection, transaction, entry, CancellationToken.None);
        await transaction.CommitAsync();
        var receipt = await log.WaitForIntegrationAsync(written, CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        Assert.Equal(written, stored?.Receipt);
        Assert.Equal(entry.RequestId, stored?.Entry.RequestId);
    }

    [Fact]
    public async Task OpenCommand_HoldsOtherWritersUntilItCommits_AndKeepsTheSequenceItTook()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource, new GroupCommitOptions { MaxBatchSize = 4 });
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        var late = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        // The command holds the counter: later writers are not durable (and have no receipt) before it ends.
        var writes = Task.WhenAll(Enumerable.Range(0, 50).Select(i => log.WriteAsync(SampleEntries.Create(100 + i), CancellationToken.None).AsTask()));
        await Task.Delay(Settle);
        Assert.False(writes.IsCompleted, "a writer took a sequence while a command held the counter");

        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        Assert.Equal(1, late.Sequence);
        Assert.Equal(Enumerable.Range(2, 50).Select(i => (long)i), (await writes).Select(r => r.Sequence).Order());
        await log.WaitForIntegrationAsync((await writes).MaxBy(r => r.Sequence)!, CancellationToken.None);
        var verified = await LogCheck.VerifyAsync(db);
        Assert.True(verified.IsValid, verified.Problem);
        Assert.Equal(51, verified.EntriesChecked);
    }

    [Fact]
    public async Task OpenCommand_ItsRollbackGivesTheSequenceToTheNextWriter()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rolledBack = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        var write = log.WriteAsync(SampleEntries.Create(2), CancellationToken.None).AsTask();
        await Task.Delay(Settle);
        Assert.False(write.IsCompleted);

        await transaction.RollbackAsync();

        var receipt = await write.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, rolledBack.Sequence);
        Assert.Equal(1, receipt.Sequence);
        Assert.Equal(receipt, await log.WaitForIntegrationAsync(receipt, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task CounterHeldPastTheLockTimeout_FailsTheBatchClosed_AndTheNextOneSucceeds()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource, new GroupCommitOptions { CounterLockTimeout = TimeSpan.FromMilliseconds(200) });
        await using (var connection = await db.AppDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

            await Assert.ThrowsAsync<AuditUnavailableException>(
                () => log.WriteAsync(SampleEntries.Create(2), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, (await log.AppendAsync(SampleEntries.Create(3), CancellationToken.None)).Sequence);
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
