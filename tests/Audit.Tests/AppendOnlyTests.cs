using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>The database itself, not only the app, keeps every audit table append-only.</summary>
public sealed class AppendOnlyTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly (string Table, string Column)[] Tables =
    [
        ("audit_entries", "action = 'forged'"),
        ("audit_staged", "action = 'forged'"),
        ("audit_tree_nodes", "hash = sha256('x')"),
        ("audit_tree_heads", "root_hash = sha256('x')"),
        ("audit_checkpoints", "note = 'forged'"),
        ("audit_signing_keys", "public_key_pem = 'forged'"),
    ];

    public static TheoryData<string, string> Changes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (table, set) in Tables)
            {
                data.Add(table, $"UPDATE {table} SET {set}");
                data.Add(table, $"DELETE FROM {table}");
                data.Add(table, $"TRUNCATE {table}");
            }

            return data;
        }
    }

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
    public async Task AppRole_IsRefusedByGrants(string table, string sql)
    {
        Assert.NotEmpty(table);
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Owner_IsRefusedByTrigger(string table, string sql) => await AssertRefusedByTriggerAsync(db.OwnerDataSource, table, sql);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Superuser_IsRefusedByTrigger(string table, string sql) => await AssertRefusedByTriggerAsync(db.AdminDataSource, table, sql);

    [Fact]
    public async Task ZeroRowUpdate_IsRefusedToo()
    {
        await AssertRefusedByTriggerAsync(db.OwnerDataSource, "audit_entries", "UPDATE audit_entries SET action = 'x' WHERE sequence = -1");
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

    private async Task AssertRefusedByTriggerAsync(NpgsqlDataSource dataSource, string table, string sql)
    {
        var before = await CountAsync(table);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(dataSource, sql));

        Assert.Equal(PostgresErrorCodes.RaiseException, error.SqlState);
        Assert.StartsWith(table + " is append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(table));
    }

    private async Task<long> CountAsync(string table)
    {
        await using var command = db.AdminDataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
