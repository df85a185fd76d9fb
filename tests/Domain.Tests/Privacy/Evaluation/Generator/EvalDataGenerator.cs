using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Domain.Tests.Privacy.Evaluation.Generator;

/// <summary>
/// Writes pii-eval.jsonl: every case, in order, from a fixed seed (System.Random with a seed is the same
/// sequence on every .NET version), one JSON object a line, non-ASCII kept as written so the evasions
/// stay readable in a diff.
/// </summary>
public static class EvalDataGenerator
{
    public const int Seed = 5;

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<EvalCase> Generate()
    {
        var b = new EvalBuilder(Seed);
        PaymentCases.Add(b);
        ContactCases.Add(b);
        NationalCases.Add(b);
        MixedCases.Add(b);
        return b.Rows;
    }

    public static string ToJsonLines(IReadOnlyList<EvalCase> cases)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            sb.Append(JsonSerializer.Serialize(c, Json)).Append('\n');
        }

        return sb.ToString();
    }
}
