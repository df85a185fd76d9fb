using System.Text.Json;
using Governance.Domain.Policies;
using Governance.Installation.Configuration;
using Governance.Installation.Policies;

namespace Governance.Api.Tests.Policies;

/// <summary>The shipped policy files: every one validates, and the JSON Schema speaks the engine's vocabulary.</summary>
public sealed class PolicyFilesTests
{
    private static readonly string Folder = Path.Combine(LocalPaths.Root, "policies");

    public static TheoryData<string> PolicyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories).Where(f => !f.EndsWith(".test.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void ShippedPolicy_Validates(string file)
    {
        var result = PolicyLoader.Load(File.ReadAllText(Path.Combine(Folder, file)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Examples_CoverEveryRuleKind()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "examples"), "*.yaml"))
        {
            foreach (var rule in PolicyLoader.Load(File.ReadAllText(file)).Document!.Rules)
            {
                kinds.UnionWith(KindsOf(rule.Effect));
            }
        }

        Assert.Equal(ObligationNames.All.Append("deny").Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_NamesExactlyTheVocabularysAttributes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "policy.schema.json")));
        var names = schema.RootElement.GetProperty("$defs").GetProperty("condition").GetProperty("properties").EnumerateObject()
            .Select(p => p.Name).Except(["all", "any", "not"]).Order(StringComparer.Ordinal);

        Assert.Equal(PolicyVocabulary.All.Select(a => a.Path).Order(StringComparer.Ordinal), names);
        var obligations = schema.RootElement.GetProperty("$defs").GetProperty("obligations").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(ObligationNames.All.Order(StringComparer.Ordinal), obligations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultPolicy_KeepsTheLicenseRuleId()
    {
        var document = PolicyLoader.Load(File.ReadAllText(Path.Combine(Folder, "default.yaml"))).Document!;

        Assert.Contains(document.Rules, r => r.Id == "license.required" && r.Effect is ObligationsEffect { RequireLicense: true });
    }

    private static IEnumerable<string> KindsOf(RuleEffect effect) =>
        effect is DenyEffect ? ["deny"] : ObligationNames.Of((ObligationsEffect)effect);
}
