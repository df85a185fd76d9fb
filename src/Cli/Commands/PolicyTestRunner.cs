using System.Text.Json;
using Governance.Domain.Policies;
using Governance.Installation.Policies;

namespace Governance.Cli.Commands;

/// <summary>
/// Runs *.test.yaml files: <c>policy:</c> (path relative to the test file) and <c>cases:</c>, each with a
/// <c>name</c>, a <c>context</c> (attribute path → value), optional <c>consents</c> (purpose → state) and
/// <c>expect</c>: <c>effect</c> (allow|deny) and optionally the exact <c>rules</c> matched, <c>denied_by</c>
/// and <c>obligations</c> (keys such as retention:30).
/// </summary>
internal static class PolicyTestRunner
{
    public static int Run(DirectoryInfo dir)
    {
        if (!dir.Exists)
        {
            Console.Error.WriteLine($"{dir.FullName}: no such folder");
            return 2;
        }

        var (passed, failed, broken) = (0, 0, 0);
        foreach (var file in Directory.EnumerateFiles(dir.FullName, "*.test.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(dir.FullName, file);
            try
            {
                var (p, f) = RunFile(file, name);
                (passed, failed) = (passed + p, failed + f);
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"ERROR {name}: {ex.Message}");
                broken++;
            }
        }

        Console.WriteLine($"{passed} passed, {failed} failed{(broken > 0 ? $", {broken} test file(s) unreadable" : "")}");
        return broken > 0 ? 2 : failed > 0 || passed == 0 ? 1 : 0;
    }

    private static (int Passed, int Failed) RunFile(string file, string name)
    {
        using var doc = Yaml(File.ReadAllText(file), name);
        var root = doc.RootElement;
        var policyPath = Path.Combine(Path.GetDirectoryName(file)!, root.GetProperty("policy").GetString()!);
        var loaded = PolicyLoader.Load(File.ReadAllText(policyPath));
        if (!loaded.IsValid)
        {
            throw new InvalidDataException($"policy {policyPath} does not validate: {string.Join("; ", loaded.Errors)}");
        }

        var set = PolicyCompiler.Compile(loaded.Document!, Path.GetFileName(policyPath));
        var (passed, failed) = (0, 0);
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var caseName = c.TryGetProperty("name", out var n) ? n.GetString() : "(unnamed)";
            var consents = c.TryGetProperty("consents", out var cs) ? cs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal) : null;
            if (!ContextJson.TryRead(c.TryGetProperty("context", out var ctx) ? ctx : default, consents, out var context, out var errors))
            {
                throw new InvalidDataException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            var decision = set.Decide(context);
            var problems = Compare(c.GetProperty("expect"), decision);
            if (problems.Count == 0)
            {
                Console.WriteLine($"PASS {name}: {caseName}");
                passed++;
            }
            else
            {
                Console.WriteLine($"FAIL {name}: {caseName}: {string.Join("; ", problems)}");
                Console.WriteLine(DecisionExplanation.Explain(set, context).ToText().TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal).Insert(0, "    "));
                failed++;
            }
        }

        return (passed, failed);
    }

    private static List<string> Compare(JsonElement expect, PolicyDecision decision)
    {
        var problems = new List<string>();
        var effect = expect.GetProperty("effect").GetString();
        if (effect != decision.Effect)
        {
            problems.Add($"expected {effect}, got {decision.Effect}");
        }

        void Set(string key, IEnumerable<string> actual)
        {
            if (expect.TryGetProperty(key, out var list))
            {
                var wanted = list.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();
                var got = actual.Order(StringComparer.Ordinal).ToList();
                if (!wanted.SequenceEqual(got, StringComparer.Ordinal))
                {
                    problems.Add($"expected {key} [{string.Join(", ", wanted)}], got [{string.Join(", ", got)}]");
                }
            }
        }

        Set("rules", decision.MatchedRuleIds);
        Set("denied_by", decision.DenyingRuleIds);
        Set("obligations", decision.Obligations.Keys());
        return problems;
    }

    private static JsonDocument Yaml(string text, string name)
    {
        var (node, error) = PolicyYaml.Parse(text);
        return error is not null ? throw new InvalidDataException($"{name}: {error.Message}") : JsonDocument.Parse(node?.ToJsonString() ?? "null");
    }
}
