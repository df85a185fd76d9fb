using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

/// <summary>The database itself, not only the app, keeps every audit table append-only.</summary>
public sealed class AppendOnlyTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly (string Table, string Column)[] Tables =
    [
        ("audit_records", "action = 'forged'"),
        ("audit_log_runs", "root_hash = sha256('x')"),
        ("audit_tree_nodes", "hash = sha256('x')"),
        ("audit_checkpoints", "note = 'forged'"),
        ("audit_signing_keys", "public_key_pem = 'forged'"),
        ("audit_cosignatures", "line = 'forged'"),
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
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        await log.AppendAsync(SampleEntries.Create(), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AppRole_CanInsertThroughTheLogAndSelect()
    {
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);
        var receipt = await log.AppendAsync(SampleEntries.Create(7), CancellationToken.None);

        var stored = await new AuditReader(db.AppDataSource).GetAsync(receipt.Sequence, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(receipt, stored.Receipt);
    }

    [Theory]
    [InlineData("UPDATE audit_counter SET last_sequence = last_sequence - 1")]
    [InlineData("DELETE FROM audit_counter")]
    [InlineData("TRUNCATE audit_counter")]
    public async Task SequenceCounter_OnlyMovesForward(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, sql));
        Assert.Contains(error.SqlState, new[] { "P0001", "42501" });
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
        await AssertRefusedByTriggerAsync(db.OwnerDataSource, "audit_records", "UPDATE audit_records SET action = 'x' WHERE id = -1");
    }

    [Theory]
    [InlineData("last.first_sequence + last.entry_count + 5, last.first_record_id + last.entry_count", "must continue at sequence")]
    [InlineData("last.first_sequence, last.first_record_id + last.entry_count", "must continue at sequence")]
    [InlineData("last.first_sequence + last.entry_count, last.first_record_id", "must continue after record")]
    public async Task RunThatLeavesAGapOrGoesBack_IsRefused(string placement, string message)
    {
        var forged = $"""
            INSERT INTO audit_log_runs (first_sequence, first_record_id, entry_count, leaf_hashes, root_hash)
            SELECT {placement}, 1, sha256('x'), sha256('x')
            FROM (SELECT * FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1) last
            """;

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, forged));

        Assert.Equal(PostgresErrorCodes.RaiseException, error.SqlState);
        Assert.Contains(message, error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordIds_ComeFromTheSequenceInCallOrder()
    {
        // The sequencer's gap rule needs ids handed out one at a time, in call order, and never supplied by writers.
        await using (var cache = db.AdminDataSource.CreateCommand("SELECT cache_size FROM pg_sequences WHERE sequencename = 'audit_records_id_seq'"))
        {
            Assert.Equal(1L, await cache.ExecuteScalarAsync());
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db.AppDataSource, """
            INSERT INTO audit_records (id, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, encoding, leaf_hash)
            VALUES (1000000, gen_random_uuid(), now(), 'forged', 'succeeded', 200, 'x', 'x', 2, sha256('x'))
            """));
        Assert.Equal("428C9", error.SqlState); // generated_always
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
