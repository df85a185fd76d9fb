using System.Text.Json;
using Governance.Domain.Tests.Privacy.Evaluation;

namespace Governance.Domain.Tests.Privacy.Entities;

/// <summary>One sentence of ner-dev.jsonl / ner-heldout.jsonl with its labelled spans (Data/README.md gives the rules).</summary>
public sealed record NerCase(string Id, string Text, IReadOnlyList<(string Type, int Start, int End)> Spans)
{
    public static IReadOnlyList<NerCase> Load(string set)
    {
        var path = Path.Combine(EvalCase.RepoRoot, "tests", "Domain.Tests", "Privacy", "Entities", "Data", $"ner-{set}.jsonl");
        var cases = new List<NerCase>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString()!;
            var spans = new List<(string, int, int)>();
            foreach (var e in doc.RootElement.GetProperty("entities").EnumerateArray())
            {
                var value = e[1].GetString()!;
                var start = text.IndexOf(value, StringComparison.Ordinal);
                if (start < 0)
                {
                    throw new InvalidDataException($"{line}: '{value}' is not in the text");
                }

                spans.Add((e[0].GetString()!, start, TrimDot(text, start, start + value.Length)));
            }

            cases.Add(new NerCase(doc.RootElement.GetProperty("id").GetString()!, text, spans));
        }

        return cases;
    }

    /// <summary>A trailing full stop is ignored on both sides ("Ltd." at a sentence's end equals "Ltd").</summary>
    public static int TrimDot(string text, int start, int end) => end > start + 1 && text[end - 1] == '.' ? end - 1 : end;
}
