using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Domain.Tests.Privacy.Evaluation;

/// <summary>One labelled text of pii-eval.jsonl: its kind (positive, near_miss, evasion) and every entity it holds.</summary>
public sealed record EvalCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("entities")] IReadOnlyList<EvalEntity> Entities,
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("known_gap")] string? KnownGap = null)
{
    public const string Positive = "positive";
    public const string NearMiss = "near_miss";
    public const string Evasion = "evasion";

    /// <summary>The repository root: the first ancestor of the test binaries holding the solution file.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The committed data file in the source tree (written by <c>Generator/EvalDataGenerator</c>).</summary>
    public static string DataPath => Path.Combine(RepoRoot, "tests", "Domain.Tests", "Privacy", "Evaluation", "pii-eval.jsonl");

    /// <summary>Read from the source tree, so the committed file is what is measured.</summary>
    public static IReadOnlyList<EvalCase> LoadAll() => Load(DataPath);

    /// <summary>Every case of one JSONL file (one case a line).</summary>
    public static IReadOnlyList<EvalCase> Load(string path)
    {
        var cases = new List<EvalCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                cases.Add(JsonSerializer.Deserialize<EvalCase>(line) ?? throw new InvalidDataException(line));
            }
        }

        return cases;
    }

    /// <summary>The expected spans: each value's first occurrence in the text (the data has no repeats).</summary>
    public IEnumerable<(string Type, int Start, int End)> ExpectedSpans()
    {
        foreach (var e in Entities)
        {
            var start = Text.IndexOf(e.Value, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new InvalidDataException($"{Id}: '{e.Value}' is not in its text");
            }

            yield return (e.Type, start, start + e.Value.Length);
        }
    }
}

public sealed record EvalEntity(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
