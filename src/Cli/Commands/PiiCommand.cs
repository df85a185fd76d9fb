using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Privacy;

namespace Governance.Cli.Commands;

/// <summary>
/// `governance pii analyze|anonymize`: text from stdin, the endpoints' JSON on stdout, offline (no server).
/// Keyed operators use this install's privacy master key file, under the tenant given by --tenant.
/// </summary>
internal static class PiiCommand
{
    // Relaxed escaping so tokens read as <EMAIL_ADDRESS> on a terminal; the JSON is equal to the API's.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var entities = new Option<string[]>("--entities") { Description = "Only these entity types", AllowMultipleArgumentsPerToken = true };
        var threshold = new Option<double?>("--score-threshold") { Description = "Minimum score (0-1)" };
        var analyze = new Command("analyze", "Print the personal data found in the text on stdin") { entities, threshold };
        analyze.SetAction(parse => Run(parse.GetValue(entities), engine =>
        {
            var found = engine.Analyze(Console.In.ReadToEnd(), Entities(parse.GetValue(entities)), parse.GetValue(threshold));
            var spans = new List<PiiSpanDto>(found.Count);
            foreach (var e in found)
            {
                spans.Add(new PiiSpanDto(e.EntityType, e.Start, e.End, e.Score, e.Recognizer));
            }

            return spans;
        }));

        var op = new Option<string>("--operator") { Description = "The operator for every entity type", DefaultValueFactory = _ => OperatorNames.Replace };
        op.AcceptOnlyFromAmong([.. OperatorNames.All]);
        var tenant = new Option<string>("--tenant") { Description = "Whose keys hash, encrypt and pseudonym use", DefaultValueFactory = _ => "local" };
        var anonymize = new Command("anonymize", "Print the text on stdin anonymized, with the replaced spans") { entities, threshold, op, tenant };
        anonymize.SetAction(parse => Run(parse.GetValue(entities), engine =>
        {
            _ = OperatorNames.TryParse(parse.GetValue(op), out var type);
            var keys = TenantKeyring.LoadOrCreate(CliSettings.Load().Privacy.MasterKeyFile, SystemRandomSource.Instance).For(parse.GetValue(tenant)!);
            var result = engine.Anonymize(Console.In.ReadToEnd(), OperatorSet.All(new OperatorSpec(type)), keys,
                Entities(parse.GetValue(entities)), parse.GetValue(threshold));
            var items = new List<ReplacedSpanDto>(result.Items.Count);
            foreach (var item in result.Items)
            {
                items.Add(new ReplacedSpanDto(item.EntityType, item.Start, item.End, item.Operator));
            }

            return new AnonymizeResultDto(result.Text, items);
        }));
        return new Command("pii", "Find and anonymize personal data, offline") { analyze, anonymize };
    }

    private static int Run<T>(string[]? entities, Func<PiiEngine, T> action)
    {
        var engine = PiiEngine.CreateDefault();
        foreach (var type in entities ?? [])
        {
            if (!engine.EntityTypes.Contains(type))
            {
                Console.Error.WriteLine($"Unknown entity type '{type}'.");
                return 2;
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(action(engine), Json));
        return 0;
    }

    private static string[]? Entities(string[]? entities) => entities is { Length: > 0 } ? entities : null;
}
