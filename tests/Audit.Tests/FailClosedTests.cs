using Governance.Testing;
using Npgsql;

namespace Governance.Audit.Tests;

public sealed class FailClosedTests
{
    private const string AuditTables = "audit_records, audit_log_runs, audit_tree_nodes, audit_checkpoints, audit_signing_keys, audit_entries";

    [Fact]
    public async Task UnreachableDatabase_FailsEveryWaiterWithAuditUnavailable()
    {
        // Port 1 on loopback: connection refused at once, as when PostgreSQL is down.
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=governance;Username=x;Password=x;Timeout=5");
        await using var log = await RunningAuditLog.StartAsync(nowhere, new GroupCommitOptions { IntegrationTimeout = TimeSpan.FromSeconds(5) });

        var attempts = Enumerable.Range(0, 20).Select(i => log.AppendAsync(SampleEntries.Create(i), CancellationToken.None).AsTask()).ToList();

        foreach (var attempt in attempts)
        {
            var error = await Assert.ThrowsAsync<AuditUnavailableException>(() => attempt);
            Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
        }

        // The writer loop survived its failures: a later append fails the same way rather than hanging.
        await Assert.ThrowsAsync<AuditUnavailableException>(() => log.AppendAsync(SampleEntries.Create(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task SameLog_RecoversOnceTheDatabaseAcceptsItAgain()
    {
        await using var db = await TestDatabase.CreateAsync();
        var role = "gov_test_writer_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        await ExecuteAsync(db.AdminDataSource, $"CREATE ROLE {role} NOLOGIN PASSWORD '{password}'; GRANT SELECT, INSERT ON {AuditTables} TO {role}; GRANT SELECT, UPDATE ON audit_counter TO {role}");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(db.AppConnectionString) { Username = role, Password = password };
            await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
            await using var log = await RunningAuditLog.StartAsync(dataSource);

            // Login refused stands in for "database down": no session can be opened.
            await Assert.ThrowsAsync<AuditUnavailableException>(() => log.AppendAsync(SampleEntries.Create(1), CancellationToken.None).AsTask());

            await ExecuteAsync(db.AdminDataSource, $"ALTER ROLE {role} LOGIN");
            var receipt = await log.AppendAsync(SampleEntries.Create(2), CancellationToken.None);

            // The failed batch left nothing behind, so the log still starts at 1 and verifies.
            Assert.Equal(1, receipt.Sequence);
            var verified = await LogCheck.VerifyAsync(db);
            Assert.True(verified.IsValid, verified.Problem);
        }
        finally
        {
            await ExecuteAsync(db.AdminDataSource, $"REVOKE ALL ON {AuditTables}, audit_counter FROM {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task BadEntry_FailsOnlyItsOwnCaller()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var log = await RunningAuditLog.StartAsync(db.AppDataSource);

        var bad = log.AppendAsync(SampleEntries.Create(1) with { Action = "bad\0action" }, CancellationToken.None).AsTask();
        var good = log.AppendAsync(SampleEntries.Create(2), CancellationToken.None).AsTask();

        await Assert.ThrowsAsync<ArgumentException>(() => bad);
        Assert.Equal(1, (await good).Sequence);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
