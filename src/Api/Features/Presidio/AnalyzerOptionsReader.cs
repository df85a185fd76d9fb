using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Privacy;

namespace Governance.Api.Features.Presidio;

/// <summary>What a Presidio /analyze body asks for, checked field by field.</summary>
internal sealed record AnalyzerOptions(
    IReadOnlyList<string> Texts,
    bool Batched,
    IReadOnlyList<string>? Entities,
    double ScoreThreshold,
    bool ReturnDecisionProcess,
    IReadOnlyList<IPiiRecognizer> AdHoc,
    IReadOnlyList<string> Context,
    AllowList AllowList);

internal static class AnalyzerOptionsReader
{
    public const int MaxTextLength = 1_000_000;
    public const string Language = "en";

    // "trace" is accepted and has no effect, as in Presidio: it asks for logging, not for less privacy.
    private static readonly string[] Known =
    [
        "text", "language", "entities", "correlation_id", "score_threshold", "return_decision_process",
        "ad_hoc_recognizers", "context", "allow_list", "allow_list_match", "regex_flags", "trace",
    ];

    public static AnalyzerOptions Read(JsonElement body, IReadOnlySet<string> knownEntities)
    {
        var json = PresidioJson.Object(body, "the /analyze request", Known);
        var (texts, batched) = ReadTexts(json);
        var language = json.String("language");
        if (string.IsNullOrEmpty(language))
        {
            throw new PresidioRequestException("No language provided");
        }

        if (language != Language)
        {
            throw new PresidioRequestException($"No matching recognizers were found to serve the request (language '{language}'; only 'en' is supported).");
        }

        _ = json.String("correlation_id");
        var threshold = json.Number("score_threshold") ?? 0;
        if (threshold is < 0 or > 1)
        {
            throw new PresidioRequestException("'score_threshold' must be between 0 and 1.");
        }

        var adHoc = AdHocRecognizers.Read(json.Get("ad_hoc_recognizers"));
        var entities = json.Strings("entities");
        foreach (var type in entities ?? [])
        {
            if (!knownEntities.Contains(type) && !AdHocRecognizers.Reports(adHoc, type))
            {
                throw new PresidioRequestException($"Unknown entity type '{type}' in 'entities'.");
            }
        }

        return new AnalyzerOptions(texts, batched, entities is { Count: > 0 } ? entities : null, threshold,
            json.Flag("return_decision_process") ?? false, adHoc, json.Strings("context") ?? [], AllowList.Read(json));
    }

    private static (IReadOnlyList<string> Texts, bool Batched) ReadTexts(PresidioJson json)
    {
        if (json.Get("text") is not { } text)
        {
            throw new PresidioRequestException("No text provided");
        }

        var texts = text.ValueKind == JsonValueKind.Array ? json.Strings("text")! : [json.String("text")!];
        if (texts.Count == 0)
        {
            throw new PresidioRequestException("No text provided");
        }

        foreach (var t in texts)
        {
            if (t.Length > MaxTextLength)
            {
                throw new PresidioRequestException($"'text' may hold at most {MaxTextLength} characters.");
            }
        }

        return (texts, text.ValueKind == JsonValueKind.Array);
    }

    /// <summary>Python's regex flags as Presidio's clients send them; those .NET has no match for are refused.</summary>
    public static RegexOptions Flags(int? pythonFlags)
    {
        const int IgnoreCase = 2, Multiline = 8, DotAll = 16;
        var flags = pythonFlags ?? (IgnoreCase | Multiline | DotAll);
        if ((flags & ~(IgnoreCase | Multiline | DotAll)) != 0)
        {
            throw new PresidioRequestException($"'regex_flags' {flags} is not supported; use a combination of IGNORECASE (2), MULTILINE (8) and DOTALL (16).");
        }

        return RegexOptions.CultureInvariant | RegexOptions.NonBacktracking
            | ((flags & IgnoreCase) != 0 ? RegexOptions.IgnoreCase : 0)
            | ((flags & Multiline) != 0 ? RegexOptions.Multiline : 0)
            | ((flags & DotAll) != 0 ? RegexOptions.Singleline : 0);
    }

    /// <summary>A caller's (Python-syntax) regex on the linear-time engine, or a 400 that says why not.</summary>
    public static Regex Compile(string pattern, RegexOptions options, string where)
    {
        try
        {
            return new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), options, TimeSpan.FromMilliseconds(250));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new PresidioRequestException($"The regex in {where} cannot be used (backreferences and lookarounds are not supported): {e.Message}");
        }
    }
}
