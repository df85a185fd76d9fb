using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests;

public sealed class TokenArgumentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Token_ForTenantWithoutTenantId_ExitsWith2()
    {
        var result = await RunAsync("token", "--role", "tenant");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--tenant", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Token_ForUnknownRole_IsRefusedNamingTheAllowedRoles()
    {
        var result = await RunAsync("token", "--role", "superuser");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("superuser", result.StdErr, StringComparison.Ordinal);
        foreach (var allowed in new[] { "admin", "compliance", "tenant" })
        {
            Assert.Contains($"'{allowed}'", result.StdErr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("eyJ", result.StdOut, StringComparison.Ordinal); // no token printed
    }

    [Fact]
    public async Task Token_RefusedArguments_CreateNoKeyFile()
    {
        await RunAsync("token", "--role", "superuser");
        await RunAsync("token", "--role", "tenant");

        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task NoArguments_PrintsUsageAndExitsNonZero()
    {
        var result = await RunAsync();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Usage:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("token", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("db", result.StdOut, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.StdErr), result.ToString());
    }

    public void Dispose() => _temp.Dispose();

    private string KeyFile => _temp.File("signing-key.pem");

    private Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(new CliRun(KeyFile, _temp.Path, args));
}
