using Governance.Cli.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Governance.Cli.Tests;

public sealed class TokenCommandTests : IDisposable
{
    // Generous enough for a slow CI box to start `dotnet`, tight enough to tell 5 minutes from 60.
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();

    private string KeyFile => _temp.File("signing-key.pem");

    [Fact]
    public async Task Token_ForAdmin_PrintsOneSignedJwtWithAdminRoleValidForAnHour()
    {
        var result = await TokenAsync("--role", "admin");

        var validated = await TokenValidation.ValidateAsync(SingleLine(result), KeyFile);
        Assert.Equal("admin", validated.Claims["role"]);
        Assert.Equal("cli:admin", validated.Claims["sub"]);
        Assert.False(validated.Claims.ContainsKey("tenant_id"));
        AssertExpiresIn(validated, TimeSpan.FromMinutes(60));
        Assert.Equal("ES256", ((JsonWebToken)validated.SecurityToken).Alg);
    }

    [Fact]
    public async Task Token_WithMinutes_ChangesTheLifetime()
    {
        var result = await TokenAsync("--role", "compliance", "--minutes", "5");

        var validated = await TokenValidation.ValidateAsync(SingleLine(result), KeyFile);
        Assert.Equal("compliance", validated.Claims["role"]);
        AssertExpiresIn(validated, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Token_ForTenant_CarriesTheTenantId()
    {
        var result = await TokenAsync("--role", "tenant", "--tenant", "acme");

        var validated = await TokenValidation.ValidateAsync(SingleLine(result), KeyFile);
        Assert.Equal("tenant", validated.Claims["role"]);
        Assert.Equal("acme", validated.Claims["tenant_id"]);
    }

    [Fact]
    public async Task Token_FirstUse_CreatesTheKeyFileReadableByTheOwnerOnly()
    {
        Assert.False(File.Exists(KeyFile));

        await TokenAsync("--role", "admin");

        Assert.True(File.Exists(KeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        Assert.Single(Directory.GetFiles(_temp.Path)); // no temp file left behind
    }

    [Fact]
    public async Task Token_SecondUse_ReusesTheKeyFile()
    {
        var first = SingleLine(await TokenAsync("--role", "admin"));
        var keyAfterFirst = await File.ReadAllTextAsync(KeyFile);

        var second = SingleLine(await TokenAsync("--role", "admin"));

        Assert.Equal(keyAfterFirst, await File.ReadAllTextAsync(KeyFile));
        Assert.NotEqual(first, second);
        var firstToken = (JsonWebToken)(await TokenValidation.ValidateAsync(first, KeyFile)).SecurityToken;
        var secondToken = (JsonWebToken)(await TokenValidation.ValidateAsync(second, KeyFile)).SecurityToken;
        Assert.Equal(firstToken.Kid, secondToken.Kid);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<CliResult> TokenAsync(params string[] args)
    {
        var result = await CliProcess.RunAsync(new CliRun(KeyFile, _temp.Path, ["token", .. args]));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StdErr.Length == 0, result.ToString());
        return result;
    }

    private static string SingleLine(CliResult result)
    {
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.ToString());
        return lines[0].Trim();
    }

    private static void AssertExpiresIn(Microsoft.IdentityModel.Tokens.TokenValidationResult validated, TimeSpan lifetime)
    {
        var token = (JsonWebToken)validated.SecurityToken;
        Assert.Equal(lifetime, token.ValidTo - token.IssuedAt);
        var expected = DateTime.UtcNow + lifetime;
        Assert.InRange(token.ValidTo, expected - Slack, expected + Slack);
    }
}
