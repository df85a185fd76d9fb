using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Domain.Tests.Privacy.Evaluation.Presidio;

/// <summary>
/// One case of Presidio's recognizer unit tests (presidio-unit-cases.jsonl, read out of Presidio's test files
/// by eng/presidio/extract_unit_cases.py): the entity the test asks for, the text and the spans Presidio
/// expects, in [start, end) offsets. <see cref="Count"/> is how many results Presidio expects; a few rows give
/// the count and fewer positions.
/// </summary>
public sealed record PresidioUnitCase(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("entity")] string Entity,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("spans")] IReadOnlyList<int[]> Spans)
{
    public static string DataPath =>
        Path.Combine(EvalCase.RepoRoot, "tests", "Domain.Tests", "Privacy", "Evaluation", "Presidio", "presidio-unit-cases.jsonl");

    public static IReadOnlyList<PresidioUnitCase> LoadAll()
    {
        var cases = new List<PresidioUnitCase>();
        foreach (var line in System.IO.File.ReadLines(DataPath))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                cases.Add(JsonSerializer.Deserialize<PresidioUnitCase>(line) ?? throw new InvalidDataException(line));
            }
        }

        return cases;
    }

    public string Key => $"{File}: {Text}";
}
