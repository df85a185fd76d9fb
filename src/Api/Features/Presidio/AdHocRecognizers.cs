using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Custom;
using Governance.Domain.Privacy.Patterns;

namespace Governance.Api.Features.Presidio;

/// <summary>
/// Presidio's ad_hoc_recognizers: pattern recognizers for one request, from regexes (linear-time engine)
/// and deny lists (whole terms, score 1.0 unless deny_list_score says otherwise), with context words.
/// </summary>
internal static class AdHocRecognizers
{
    public const int MaxRecognizers = 32;
    private static readonly string[] Known =
        ["name", "supported_language", "supported_entity", "supported_entities", "patterns", "deny_list", "deny_list_score", "context"];

    private static readonly string[] PatternFields = ["name", "regex", "score"];

    public static IReadOnlyList<IPiiRecognizer> Read(JsonElement? element)
    {
        if (element is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxRecognizers)
        {
            throw new PresidioRequestException($"'ad_hoc_recognizers' must be a list of at most {MaxRecognizers} recognizers.");
        }

        var recognizers = new List<IPiiRecognizer>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            recognizers.AddRange(ReadOne(item, $"ad_hoc_recognizers[{index++}]"));
        }

        return recognizers;
    }

    public static bool Reports(IReadOnlyList<IPiiRecognizer> recognizers, string type) =>
        recognizers.Any(r => r.EntityTypes.Contains(type));

    private static IEnumerable<IPiiRecognizer> ReadOne(JsonElement item, string where)
    {
        var json = PresidioJson.Object(item, where, Known);
        var name = json.String("name") ?? where;
        if (json.String("supported_language") is { } language && language != AnalyzerOptionsReader.Language)
        {
            throw new PresidioRequestException($"{where}: supported_language '{language}' is not supported; only 'en' is.");
        }

        var entity = json.String("supported_entity") ?? json.Strings("supported_entities")?.FirstOrDefault();
        if (!CustomPatternRecognizer.IsValidEntityType(entity))
        {
            throw new PresidioRequestException($"{where}: 'supported_entity' must match ^[A-Z][A-Z0-9_]{{1,63}}$.");
        }

        var context = json.Strings("context") ?? [];
        var patterns = ReadPatterns(json.Get("patterns"), where);
        var denyList = json.Strings("deny_list");
        if (patterns.Count == 0 && (denyList is null || denyList.Count == 0))
        {
            throw new PresidioRequestException($"{where}: a recognizer needs 'patterns' or a 'deny_list'.");
        }

        if (patterns.Count > 0)
        {
            yield return new PatternRecognizer(name, entity!, patterns, context, untrusted: true);
        }

        if (denyList is { Count: > 0 })
        {
            var score = json.Number("deny_list_score") ?? 1.0;
            CheckScore(score, where + ".deny_list_score");
            // Escaped literals only, so the backtracking engine (which has lookarounds) is safe here.
            var regex = @"(?:^|(?<=\W))(" + string.Join('|', denyList.Select(Regex.Escape)) + @")(?:(?=\W)|$)";
            yield return new PatternRecognizer(name, entity!, [new RecognizerPattern("deny_list", regex, score)], context);
        }
    }

    private static List<RecognizerPattern> ReadPatterns(JsonElement? element, string where)
    {
        var patterns = new List<RecognizerPattern>();
        if (element is not { } list)
        {
            return patterns;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new PresidioRequestException($"{where}.patterns must be a list.");
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{where}.patterns[{i++}]";
            var json = PresidioJson.Object(item, at, PatternFields);
            var regex = json.String("regex");
            var score = json.Number("score");
            if (string.IsNullOrEmpty(regex) || score is null)
            {
                throw new PresidioRequestException($"{at} needs a 'regex' and a 'score'.");
            }

            CheckScore(score.Value, at + ".score");
            var translated = regex.Replace("(?P<", "(?<", StringComparison.Ordinal);
            _ = AnalyzerOptionsReader.Compile(translated, AnalyzerOptionsReader.Flags(null), at);
            patterns.Add(new RecognizerPattern(json.String("name") ?? at, translated, score.Value));
        }

        return patterns;
    }

    private static void CheckScore(double score, string where)
    {
        if (score is < 0 or > 1)
        {
            throw new PresidioRequestException($"{where} must be between 0 and 1.");
        }
    }
}
