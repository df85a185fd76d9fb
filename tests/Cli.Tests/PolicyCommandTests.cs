using Governance.Api.Configuration;
using Governance.Cli.Tests.Infrastructure;

namespace Governance.Cli.Tests;

/// <summary>`governance policy lint|test`: offline, with exit codes a CI job can rely on.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private static readonly string Policies = Path.Combine(LocalPaths.Root, "policies");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Lint_TheShippedPolicies_ExitsZero()
    {
        var result = await PolicyAsync("lint", Path.Combine(Policies, "default.yaml"), Path.Combine(Policies, "examples", "retention.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("default.yaml: ok (1 rules)", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_AnInvalidFile_PrintsEveryErrorWithRuleIdAndPath_AndExitsOne()
    {
        var file = _temp.File("bad.yaml");
        await File.WriteAllTextAsync(file, """
            name: bad
            rules:
              - id: a
                when: { model.tagz: { contains: x } }
                deny: { message: no }
              - id: b
                when: { time.hour: { gt: 30 } }
                obligations: { retention: { days: 3 } }
            """);

        var result = await PolicyAsync("lint", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.yaml:/rules/0/when/model.tagz (rule a): unknown-attribute", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:/rules/1/when/time.hour/gt (rule b): unreachable", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_TheShippedCases_PassAndExitZero()
    {
        var result = await PolicyAsync("test", Policies);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PASS tests/default.test.yaml: an unlicensed tenant is denied by license.required", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(" 0 failed", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_AFailingCase_ExitsOneNamingTheCaseAndExplainingTheDecision()
    {
        await File.WriteAllTextAsync(_temp.File("p.yaml"), "name: p\nrules:\n  - id: eu.closed\n    when: { tenant.region: { equals: eu } }\n    deny: { message: closed }\n");
        await File.WriteAllTextAsync(_temp.File("p.test.yaml"), """
            policy: p.yaml
            cases:
              - name: eu is closed
                context: { tenant.region: eu }
                expect: { effect: deny, denied_by: [eu.closed] }
              - name: wrongly expects us closed
                context: { tenant.region: us }
                expect: { effect: deny }
            """);

        var result = await PolicyAsync("test", _temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PASS p.test.yaml: eu is closed", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("FAIL p.test.yaml: wrongly expects us closed: expected deny, got allow", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("not matched: tenant.region equals eu is false", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ACaseWithAnUnknownAttribute_ExitsTwo()
    {
        await File.WriteAllTextAsync(_temp.File("p.yaml"), "name: p\nrules: []\n");
        await File.WriteAllTextAsync(_temp.File("p.test.yaml"), "policy: p.yaml\ncases:\n  - name: x\n    context: { tenant.colour: red }\n    expect: { effect: allow }\n");

        var result = await PolicyAsync("test", _temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tenant.colour", result.StdErr, StringComparison.Ordinal);
    }

    private Task<CliResult> PolicyAsync(params string[] args) =>
        CliProcess.RunAsync(new CliRun(_temp.File("signing-key.pem"), _temp.Path, ["policy", .. args]));
}
