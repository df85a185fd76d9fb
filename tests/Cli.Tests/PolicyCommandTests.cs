using Governance.Cli.Tests.Infrastructure;
using Governance.Installation.Configuration;

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
        Assert.Contains("default.yaml: ok (2 rules)", result.StdOut, StringComparison.Ordinal);
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
        Assert.Contains("PASS tests/default.test.yaml: a compliance officer may not activate a policy", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(" 0 failed", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAndTest_TheActionVocabulary_AreUnderstood()
    {
        await File.WriteAllTextAsync(_temp.File("p.yaml"), """
            name: p
            rules:
              - id: no.license.grants
                when: { request.action: { equals: license.grant } }
                deny: { message: frozen }
              - id: typo
                when: { request.action: { equals: license.grnt } }
                deny: { message: never }
            """);
        var lint = await PolicyAsync("lint", _temp.File("p.yaml"));

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("p.yaml:/rules/1/when/request.action/equals (rule typo): unknown-value", lint.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("rule no.license.grants", lint.StdOut, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_temp.File("p.yaml"), "name: p\nrules:\n  - id: no.license.grants\n    when: { request.action: { equals: license.grant } }\n    deny: { message: frozen }\n");
        await File.WriteAllTextAsync(_temp.File("p.test.yaml"), """
            policy: p.yaml
            cases:
              - name: grants are frozen
                context: { principal.role: admin, request.action: license.grant }
                expect: { effect: deny, denied_by: [no.license.grants] }
              - name: revocations are not
                context: { principal.role: admin, request.action: license.revoke }
                expect: { effect: allow }
            """);
        var test = await PolicyAsync("test", _temp.Path);

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("2 passed, 0 failed", test.StdOut, StringComparison.Ordinal);
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
