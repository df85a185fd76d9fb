using System.Text.Json;

namespace Governance.Api.Features.Presidio;

/// <summary>A span to operate on, as a caller's analyzer_results / anonymizer_results give it.</summary>
internal sealed record PresidioSpan(string EntityType, int Start, int End, double Score)
{
    public int Start { get; set; } = Start;

    public int End { get; set; } = End;

    public double Score { get; set; } = Score;
}

/// <summary>
/// Presidio's AnonymizerEngine, step for step, so callers get what Presidio gives them: same-type spans
/// that intersect merge; a span inside another (or equal with a lower score) is dropped; same-type spans
/// with only spaces between merge; then operators run from the end of the text to the start, each
/// replacing up to where the previous one began, so a later span never re-exposes an earlier one.
/// </summary>
internal static class PresidioTextEngine
{
    private static readonly string[] SpanFields = ["start", "end", "score", "entity_type", "analysis_explanation", "recognition_metadata"];

    public static List<PresidioSpan> ReadSpans(JsonElement? element, string field, int textLength)
    {
        var spans = new List<PresidioSpan>();
        if (element is not { } list)
        {
            return spans;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new PresidioRequestException($"'{field}' must be a list.");
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = $"{field}[{i++}]";
            var json = PresidioJson.Object(item, where, SpanFields);
            var type = json.String("entity_type");
            var start = json.Integer("start");
            var end = json.Integer("end");
            if (string.IsNullOrEmpty(type) || start is null || end is null)
            {
                throw new PresidioRequestException($"Invalid input, {where} needs entity_type, start and end.", invalidParameter: true);
            }

            if (start < 0 || end < start || end > textLength)
            {
                throw new PresidioRequestException(
                    $"Invalid analyzer result, start: {start} and end: {end}, while text length is only {textLength}.", invalidParameter: true);
            }

            spans.Add(new PresidioSpan(type, start.Value, end.Value, json.Number("score") ?? 0));
        }

        return spans;
    }

    public static PresidioEngineResult Operate(string text, List<PresidioSpan> spans,
        IReadOnlyDictionary<string, PresidioOperator> operators, PresidioOperator fallback, bool resolveConflicts)
    {
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var kept = resolveConflicts ? MergeWithSpaces(text, RemoveConflicts(spans)) : spans;
        kept.Sort(static (a, b) => a.Start != b.Start ? b.Start.CompareTo(a.Start) : b.End.CompareTo(a.End));
        var output = text;
        var lastReplacement = text.Length;
        var items = new List<(int FromEnd, string Type, string Text, string Operator)>(kept.Count);
        foreach (var span in kept)
        {
            var op = operators.GetValueOrDefault(span.EntityType) ?? operators.GetValueOrDefault(PresidioOperator.Default) ?? fallback;
            var changed = op.Apply(text[span.Start..span.End], span.EntityType);
            var endOfText = Math.Min(span.End, lastReplacement);
            lastReplacement = span.Start;
            var after = output[endOfText..];
            output = string.Concat(output.AsSpan(0, span.Start), changed, after);
            items.Add((after.Length + changed.Length, span.EntityType, changed, op.Name));
        }

        var results = new List<PresidioOperatorResult>(items.Count);
        foreach (var (fromEnd, type, changed, name) in items)
        {
            var start = output.Length - fromEnd;
            results.Add(new PresidioOperatorResult(start, start + changed.Length, type, changed, name));
        }

        return new PresidioEngineResult(output, results);
    }

    private static List<PresidioSpan> RemoveConflicts(List<PresidioSpan> sorted)
    {
        var merged = new List<PresidioSpan>();
        var others = new List<PresidioSpan>(sorted);
        foreach (var result in sorted)
        {
            others.Remove(result);
            var absorbed = false;
            foreach (var other in others)
            {
                if (other.EntityType == result.EntityType && !(result.End < other.Start || other.End < result.Start))
                {
                    other.Start = Math.Min(result.Start, other.Start);
                    other.End = Math.Max(result.End, other.End);
                    other.Score = Math.Max(result.Score, other.Score);
                    absorbed = true;
                    break;
                }
            }

            if (!absorbed)
            {
                others.Add(result);
                merged.Add(result);
            }
        }

        var unique = new List<PresidioSpan>();
        others = [.. merged];
        foreach (var result in merged)
        {
            others.Remove(result);
            if (!others.Any(o => HasConflict(result, o)))
            {
                others.Add(result);
                unique.Add(result);
            }
        }

        return unique;
    }

    private static bool HasConflict(PresidioSpan self, PresidioSpan other) =>
        self.Start == other.Start && self.End == other.End ? self.Score <= other.Score : other.Start <= self.Start && other.End >= self.End;

    private static List<PresidioSpan> MergeWithSpaces(string text, List<PresidioSpan> spans)
    {
        var merged = new List<PresidioSpan>(spans.Count);
        PresidioSpan? previous = null;
        foreach (var span in spans)
        {
            if (previous is not null && previous.EntityType == span.EntityType && span.Start > previous.End
                && text.AsSpan(previous.End, span.Start - previous.End).IndexOfAnyExcept(' ') < 0)
            {
                merged.Remove(previous);
                span.Start = previous.Start;
            }

            merged.Add(span);
            previous = span;
        }

        return merged;
    }
}
