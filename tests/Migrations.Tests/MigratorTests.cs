using Governance.Testing;
using Npgsql;

namespace Governance.Migrations.Tests;

public sealed class MigratorTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task FreshDatabase_AppliesEveryEmbeddedMigrationInOrder()
    {
        var embedded = MigrationScript.LoadEmbedded().OrderBy(s => s.Version).Select(s => s.Name).ToList();
        Assert.Contains("0001_audit_log.sql", embedded);
        Assert.Equal(embedded, db.AppliedMigrations);

        await using var command = db.OwnerDataSource.CreateCommand("SELECT name, checksum FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            recorded.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.Equal(MigrationScript.LoadEmbedded().OrderBy(s => s.Version).Select(s => (s.Name, s.Checksum)), recorded);
    }

    [Fact]
    public async Task SecondRun_AppliesNothing()
    {
        Assert.Empty(await new Migrator(db.OwnerDataSource).ApplyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EditedAppliedMigration_IsRefusedNamingTheFile()
    {
        var edited = MigrationScript.LoadEmbedded()
            .Select(s => s.Version == 1 ? MigrationScript.Create(s.Name, s.Sql + "\n-- edited\n") : s);

        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
            () => new Migrator(db.OwnerDataSource, edited).ApplyAsync(CancellationToken.None));

        Assert.Contains("0001_audit_log.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal("0001_audit_log.sql", error.FileName);
    }

    [Fact]
    public async Task ConcurrentMigrators_ApplyEachFileExactlyOnce()
    {
        await using var fresh = await TestDatabase.CreateAsync(migrate: false);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => new Migrator(fresh.OwnerDataSource).ApplyAsync(CancellationToken.None))));

        var all = MigrationScript.LoadEmbedded().OrderBy(s => s.Version).Select(s => s.Name);
        Assert.Equal(all, runs.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FailingMigration_LeavesNoTraceAndStopsLaterOnes()
    {
        await using var fresh = await TestDatabase.CreateAsync(migrate: false);
        var scripts = new[]
        {
            MigrationScript.Create("0001_ok.sql", "CREATE TABLE first_table (id int);"),
            MigrationScript.Create("0002_broken.sql", "CREATE TABLE second_table (id int); SELECT no_such_function();"),
            MigrationScript.Create("0003_never.sql", "CREATE TABLE third_table (id int);"),
        };

        await Assert.ThrowsAsync<PostgresException>(() => new Migrator(fresh.OwnerDataSource, scripts).ApplyAsync(CancellationToken.None));

        await using var command = fresh.OwnerDataSource.CreateCommand(
            "SELECT (SELECT string_agg(name, ',') FROM schema_migrations), to_regclass('second_table') IS NULL, to_regclass('third_table') IS NULL");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal("0001_ok.sql", reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }
}
