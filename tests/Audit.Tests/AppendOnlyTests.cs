using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>The database itself, not only the app, keeps audit_entries append-only.</summary>
public sealed class AppendOnlyTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public static TheoryData<string> Changes => new()
    {
        "UPDATE audit_entries SET action = 'forged'",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
    };

    public async Task InitializeAsync()
    {
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        await log.AppendAsync(SampleEntries.Create(), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AppRole_CanInsertThroughTheLogAndSelect()
    {
        await using var log = new GroupCommitAuditLog(db.AppDataSource);
        var receipt = await log.AppendAsync(SampleEntries.Create(7), CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(receipt, stored.Receipt);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AppRole_IsRefusedByGrants(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Owner_IsRefusedByTrigger(string sql) => await AssertRefusedByTriggerAsync(db.OwnerDataSource, sql);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Superuser_IsRefusedByTrigger(string sql) => await AssertRefusedByTriggerAsync(db.AdminDataSource, sql);

    [Fact]
    public async Task ZeroRowUpdate_IsRefusedToo()
    {
        await AssertRefusedByTriggerAsync(db.OwnerDataSource, "UPDATE audit_entries SET action = 'x' WHERE sequence = -1");
    }

    [Fact]
    public async Task InsertThatBreaksTheChain_IsRefused()
    {
        const string Forged = """
            INSERT INTO audit_entries (sequence, request_id, occurred_at, action, outcome, status_code, actor_id,
                actor_role, canonical, entry_hash, previous_hash)
            SELECT max(sequence) + 5, gen_random_uuid(), now(), 'forged', 'succeeded', 200, 'x', 'x', '\x01',
                sha256(decode(repeat('00', 32), 'hex') || '\x01'::bytea), decode(repeat('00', 32), 'hex')
            FROM audit_entries
            """;

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, Forged));

        Assert.Equal(PostgresErrorCodes.RaiseException, error.SqlState);
        Assert.StartsWith("audit_entries chain broken", error.MessageText, StringComparison.Ordinal);
    }

    private async Task AssertRefusedByTriggerAsync(NpgsqlDataSource dataSource, string sql)
    {
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(dataSource, sql));

        Assert.Equal(PostgresErrorCodes.RaiseException, error.SqlState);
        Assert.StartsWith("audit_entries is append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<long> CountAsync()
    {
        await using var command = db.AdminDataSource.CreateCommand("SELECT count(*) FROM audit_entries");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
