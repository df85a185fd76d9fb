using Governance.Domain.Tests.Privacy.Evaluation.Generator;

namespace Governance.Domain.Tests.Privacy.Evaluation;

/// <summary>
/// The committed pii-eval.jsonl is exactly what the generator writes, so the data is reviewed as code.
/// To change the data, edit the case lists in Generator/ and run this test with PII_EVAL_REGENERATE=1:
/// it then rewrites the file (and still fails if the result differs from the generator's output).
/// </summary>
public sealed class EvalDataTests
{
    [Fact]
    public void PiiEvalData_CommittedFile_IsWhatTheGeneratorWrites()
    {
        var path = EvalCase.DataPath;
        var expected = EvalDataGenerator.ToJsonLines(EvalDataGenerator.Generate());
        if (Environment.GetEnvironmentVariable("PII_EVAL_REGENERATE") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.ReadAllText(path) == expected,
            "pii-eval.jsonl differs from the generator's output: run `PII_EVAL_REGENERATE=1 dotnet test tests/Domain.Tests --filter FullyQualifiedName~EvalDataTests`");
    }

    [Fact]
    public void PiiEvalData_Generator_IsDeterministic() =>
        Assert.Equal(EvalDataGenerator.ToJsonLines(EvalDataGenerator.Generate()), EvalDataGenerator.ToJsonLines(EvalDataGenerator.Generate()));
}
