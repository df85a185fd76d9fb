using System.CommandLine;
using Governance.Migrations;
using Npgsql;

namespace Governance.Cli.Commands;

/// <summary>`governance db migrate`: applies db/migrations as the owner role.</summary>
internal static class DatabaseCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending migrations (the API also does this on start)");
        migrate.SetAction(async (_, ct) =>
        {
            var options = CliSettings.Load();
            if (string.IsNullOrWhiteSpace(options.Database.OwnerConnectionString))
            {
                Console.Error.WriteLine("No owner connection string: run eng/postgres/up.sh or set GOVERNANCE_DB_OWNER.");
                return 2;
            }

            await using var owner = NpgsqlDataSource.Create(options.Database.OwnerConnectionString);
            var applied = await new Migrator(owner).ApplyAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : "Applied: " + string.Join(", ", applied));
            return 0;
        });
        return new Command("db", "Database schema") { migrate };
    }
}
