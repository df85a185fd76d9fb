using Governance.Migrations;
using Npgsql;
using Xunit;

namespace Governance.Testing;

/// <summary>
/// A fresh database per fixture (<c>gov_test_*</c>, owned by governance_owner), migrated with the
/// real <see cref="Migrator"/>, dropped with FORCE afterwards. Use it as an xunit class fixture, or
/// <c>await using var db = await TestDatabase.CreateAsync();</c> when a test needs an empty log.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool _migrate;
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private bool _created;

    public TestDatabase()
        : this(migrate: true)
    {
    }

    private TestDatabase(bool migrate)
    {
        _migrate = migrate;
        Name = "gov_test_" + Guid.NewGuid().ToString("N")[..16];
    }

    public string Name { get; }

    public string OwnerConnectionString { get; private set; } = "";

    public string AppConnectionString { get; private set; } = "";

    /// <summary>The superuser, connected to this database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public NpgsqlDataSource OwnerDataSource { get; private set; } = null!;

    public NpgsqlDataSource AppDataSource { get; private set; } = null!;

    public NpgsqlDataSource AdminDataSource { get; private set; } = null!;

    /// <summary>What the fixture's own migration run applied (all of them, on a fresh database).</summary>
    public IReadOnlyList<string> AppliedMigrations { get; private set; } = [];

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var database = new TestDatabase(migrate);
        await database.InitializeAsync();
        return database;
    }

    /// <summary>A data source the fixture disposes before dropping the database.</summary>
    public NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }

    public async Task InitializeAsync()
    {
        var server = PostgresServer.Current;
        await RoleBootstrap.EnsureRolesAsync(server);
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\" OWNER governance_owner", admin);
            await create.ExecuteNonQueryAsync();
            _created = true;
        }

        OwnerConnectionString = PostgresServer.WithDatabase(server.OwnerConnectionString, Name);
        AppConnectionString = PostgresServer.WithDatabase(server.AppConnectionString, Name);
        AdminConnectionString = PostgresServer.WithDatabase(server.AdminConnectionString, Name);
        OwnerDataSource = CreateDataSource(OwnerConnectionString);
        AppDataSource = CreateDataSource(AppConnectionString);
        AdminDataSource = CreateDataSource(AdminConnectionString);
        if (_migrate)
        {
            AppliedMigrations = await new Migrator(OwnerDataSource).ApplyAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (!_created)
        {
            return; // initialisation failed before there was anything to drop; its error is the one to see
        }

        await using var admin = new NpgsqlConnection(PostgresServer.Current.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
