using System.Data;
using Governance.Testing;

namespace Governance.Audit.Tests;

/// <summary>Commands that change state stage their entry in their own transaction, with no lock (ADR-007).</summary>
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
            var staged = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
            Assert.True(staged.StagedId > 0);
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

        var staged = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);
        await transaction.CommitAsync();
        var receipt = await log.WaitForIntegrationAsync(staged, CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);
        Assert.Equal(receipt, stored?.Receipt);
    }

    [Fact]
    public async Task StagedRowThatCommitsLate_IsIntegratedAfterTheOnesThatCommittedBeforeIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource, new GroupCommitOptions { MaxBatchSize = 4 });
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        var late = await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        // Later staged ids commit first, over many sequencer batches, while the early one stays open.
        for (var i = 0; i < 10; i++)
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(j => log.AppendAsync(SampleEntries.Create(100 + (i * 5) + j), CancellationToken.None).AsTask()));
        }

        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        var receipt = await log.WaitForIntegrationAsync(late, CancellationToken.None);

        Assert.Equal(51, receipt.Sequence);
        var stored = await new AuditReader(db.AppDataSource).GetAsync(51, CancellationToken.None);
        Assert.Equal("client-1", stored?.Entry.ActorId);
        Assert.True((await new ChainVerifier(db.AppDataSource).VerifyAsync(CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task OpenTransaction_DoesNotHoldOtherWritersBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        await using var connection = await db.AppDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await log.AppendInTransactionAsync(connection, transaction, SampleEntries.Create(1), CancellationToken.None);

        var other = await log.AppendAsync(SampleEntries.Create(2), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, other.Sequence);
        await transaction.RollbackAsync();
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
