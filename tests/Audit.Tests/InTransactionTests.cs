using System.Data;
using Governance.Testing;

namespace Governance.Audit.Tests;

/// <summary>Commands that change state append their entry in their own transaction.</summary>
public sealed class InTransactionTests
{
    [Fact]
    public async Task RolledBack_LeavesNoRowAndNoGap()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        await using (var connection = await db.AppDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var provisional = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
            Assert.Equal(1, provisional.Sequence);
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
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
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

        var receipt = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
        await transaction.CommitAsync();

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        Assert.Equal(receipt, stored?.Receipt);
    }

    [Fact]
    public async Task OpenTransaction_HoldsGroupCommitBackUntilItEnds()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        var queued = log.AppendAsync(SampleEntries.Create(2), CancellationToken.None).AsTask();
        await Task.Delay(300);
        Assert.False(queued.IsCompleted);
        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        Assert.Equal(2, (await queued).Sequence);
        Assert.True((await new ChainVerifier(db.AppDataSource).VerifyAsync(CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task SnapshotIsolation_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None));
    }
}
