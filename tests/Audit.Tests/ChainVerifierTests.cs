using Governance.Audit.Integrity;
using Governance.Domain.Auditing;
using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>Tampering that only a superuser can do (triggers off) is still found, and where.</summary>
public sealed class ChainVerifierTests
{
    [Fact]
    public async Task UntouchedLog_Verifies()
    {
        var (db, receipts) = await SeedAsync(10);
        await using var _ = db;

        var result = await new ChainVerifier(db.AppDataSource).VerifyAsync(CancellationToken.None);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(10, result.EntriesChecked);
        Assert.Equal(10, result.LastSequence);
        Assert.Equal(receipts[^1].EntryHash, result.HeadHash);
    }

    [Fact]
    public async Task EmptyLog_Verifies()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await new ChainVerifier(db.AppDataSource).VerifyAsync(CancellationToken.None);

        Assert.True(result.IsValid);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.HeadHash);
    }

    [Fact]
    public async Task UpdatedField_IsReportedAtItsSequence()
    {
        var (db, _) = await SeedAsync(10);
        await using var __ = db;

        await TamperAsync(db, """
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
            UPDATE audit_entries SET tenant_id = 'someone-else' WHERE sequence = 4;
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
            """);

        await AssertFirstBadAsync(db, 4);
    }

    [Fact]
    public async Task DeletedEntry_IsReportedAtTheMissingSequence()
    {
        var (db, _) = await SeedAsync(10);
        await using var __ = db;

        await TamperAsync(db, "SET LOCAL session_replication_role = replica; DELETE FROM audit_entries WHERE sequence = 7;");

        await AssertFirstBadAsync(db, 7);
    }

    [Fact]
    public async Task UnreadableRow_IsReportedNotThrown()
    {
        var (db, _) = await SeedAsync(5);
        await using var __ = db;

        await TamperAsync(db, """
            ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_outcome_check;
            SET LOCAL session_replication_role = replica;
            UPDATE audit_entries SET outcome = 'forgiven' WHERE sequence = 3;
            """);

        await AssertFirstBadAsync(db, 3);
    }

    [Fact]
    public async Task RewrittenEntryWithRecomputedHash_IsReportedAtTheNextSequence()
    {
        var (db, _) = await SeedAsync(10);
        await using var __ = db;
        var original = await new AuditReader(db.AppDataSource).GetAsync(4, CancellationToken.None);
        var forged = AuditEntryEncoding.Encode(original!.Entry with { Outcome = AuditOutcome.Denied });
        var forgedHash = AuditEntryEncoding.ComputeEntryHash(original.PreviousHash, forged);

        // A consistent rewrite of one row: only the next link can expose it (checkpoints will do better).
        await using (var connection = await db.AdminDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
            {
                await replica.ExecuteNonQueryAsync();
            }

            await using var update = new NpgsqlCommand(
                "UPDATE audit_entries SET outcome = 'denied', canonical = $1, entry_hash = $2 WHERE sequence = 4", connection, transaction);
            update.Parameters.Add(new() { Value = forged });
            update.Parameters.Add(new() { Value = forgedHash });
            await update.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await AssertFirstBadAsync(db, 5);
    }

    private static async Task<(TestDatabase Db, AuditReceipt[] Receipts)> SeedAsync(int count)
    {
        var db = await TestDatabase.CreateAsync();
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        var receipts = new AuditReceipt[count];
        for (var i = 0; i < count; i++)
        {
            receipts[i] = await log.AppendAsync(SampleEntries.Create(i), CancellationToken.None);
        }

        return (db, receipts);
    }

    private static async Task TamperAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.AdminDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task AssertFirstBadAsync(TestDatabase db, long sequence)
    {
        var result = await new ChainVerifier(db.AppDataSource).VerifyAsync(CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal(sequence, result.FirstBadSequence);
        Assert.NotNull(result.Problem);
    }
}
