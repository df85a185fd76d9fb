using Governance.Cli.Tests.Infrastructure;
using Governance.Migrations;
using Governance.Testing;

namespace Governance.Cli.Tests;

public sealed class DatabaseMigrateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task DbMigrate_OnFreshDatabase_PrintsAppliedFilesThenUpToDate()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var run = new CliRun(_temp.File("signing-key.pem"), _temp.Path, "db", "migrate")
        {
            Environment = new Dictionary<string, string> { ["GOVERNANCE_DB_OWNER"] = db.OwnerConnectionString },
        };
        var expected = MigrationScript.LoadEmbedded().OrderBy(s => s.Version).Select(s => s.Name).ToList();
        Assert.Contains(expected, name => name.StartsWith("0001_", StringComparison.Ordinal));
        Assert.Contains(expected, name => name.StartsWith("0002_", StringComparison.Ordinal));

        var first = await CliProcess.RunAsync(run);
        var second = await CliProcess.RunAsync(run);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("Applied: " + string.Join(", ", expected), first.StdOut.Trim());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("Schema is up to date.", second.StdOut.Trim());
    }

    [Fact]
    public async Task DbMigrate_WithoutOwnerConnectionString_ExitsWith2()
    {
        // LocalPaths looks for Governance.sln above both the working directory and the CLI's own
        // folder, and would then read the checkout's .dev/postgres.env. A copy of the CLI run from a
        // folder outside the checkout sees no .dev file at all, so nothing but the empty variable counts.
        Assert.False(CliBuild.IsInsideCheckout(_temp.Path), $"{_temp.Path} lies inside a checkout; set TMPDIR elsewhere.");
        var cli = CopyCli(Path.Combine(_temp.Path, "cli"));
        var run = new CliRun(_temp.File("signing-key.pem"), _temp.Path, "db", "migrate")
        {
            Environment = new Dictionary<string, string> { ["GOVERNANCE_DB_OWNER"] = "" },
            Dll = cli,
        };

        var result = await CliProcess.RunAsync(run);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("GOVERNANCE_DB_OWNER", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    public void Dispose() => _temp.Dispose();

    private static string CopyCli(string target)
    {
        foreach (var file in Directory.EnumerateFiles(CliBuild.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(CliBuild.OutputDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return Path.Combine(target, "governance.dll");
    }
}
