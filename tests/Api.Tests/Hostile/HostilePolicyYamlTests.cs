using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hostile;

/// <summary>Policy drafts an attacker with an admin token might send: malformed, deep, tagged, alias bombs.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostilePolicyYamlTests(ApiFactory api)
{
    [Fact]
    public Task HostileYamlDrafts_Are4xx_AndAddNoPolicyVersion() =>
        new HostileHarness(api).AssertAllRefusedAsync(new (string Name, byte[] Yaml)[]
        {
            ("unclosed flow", Utf8("name: a\nrules: [")),
            ("bad indentation", Utf8("name: a\n rules:\n- id: x\n   when: : :")),
            ("tab indentation", Utf8("name: a\nrules:\n\t- id: x")),
            ("40 nested flow sequences", Utf8("name: a\nrules: " + new string('[', 40) + new string(']', 40))),
            ("40 nested block mappings", Utf8("name: a\nrules:\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * (i + 1)) + "k:\n")))),
            ("20k unclosed flow", Utf8("rules: " + new string('[', 20_000))),
            ("binary tag", Utf8("name: !!binary aGVsbG8=\nrules: []")),
            ("local tag", Utf8("name: !evil a\nrules: []")),
            ("python tag", Utf8("name: !!python/object:os.system a\nrules: []")),
            ("alias bomb", Utf8(AliasBomb())),
            ("two documents", Utf8("name: a\nrules: []\n---\nname: b\nrules: []\n")),
            ("lone surrogate escape", Utf8("name: \"a\\ud800\"\nrules: []")),
            ("invalid UTF-8", [.. "name: "u8, 0xff, 0xfe, .. "\nrules: []"u8]),
            ("60 KB key", Utf8(new string('k', 60_000) + ": 1\n")),
            ("70 KB draft", Utf8("name: a\ndescription: " + new string('x', 70_000))),
            ("empty", []),
        }.Select(c => HostileCase.Raw(c.Name, Roles.Admin, "/api/v1/policies", c.Yaml, "application/yaml")));

    // The "billion laughs": nine levels of nine aliases each, 387 million strings if expanded.
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9)).Append("]\n");
        }

        return yaml.Append("name: a\nrules: *a8\n").ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
