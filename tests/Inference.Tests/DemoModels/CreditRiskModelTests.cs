namespace Governance.Inference.Tests.DemoModels;

public sealed class CreditRiskModelTests
{
    // Columns: income (thousands per year), debt_ratio, age, late_payments.
    private static readonly float[] SafeApplicant = [120f, 0.10f, 52f, 0f];
    private static readonly float[] RiskyApplicant = [22f, 0.85f, 23f, 4f];

    [Fact]
    public void CreditRisk_RiskyApplicant_ScoresHigherThanSafeOne()
    {
        var probabilities = DemoModelRunner.RunFp32(DemoModelRunner.CreditRisk, [.. SafeApplicant, .. RiskyApplicant], rows: 2);

        Assert.Equal(2, probabilities.Length);
        Assert.True(probabilities[1] > probabilities[0], $"risky {probabilities[1]} should exceed safe {probabilities[0]}");
        Assert.InRange(probabilities[0], 0f, 0.2f);
        Assert.InRange(probabilities[1], 0.8f, 1f);
    }

    [Fact]
    public void CreditRisk_MoreLatePayments_RaiseTheProbability()
    {
        float[] batch = [60f, 0.3f, 40f, 0f, 60f, 0.3f, 40f, 2f, 60f, 0.3f, 40f, 5f];

        var probabilities = DemoModelRunner.RunFp32(DemoModelRunner.CreditRisk, batch, rows: 3);

        Assert.True(probabilities[0] < probabilities[1] && probabilities[1] < probabilities[2]);
    }

    [Fact]
    public void CreditRisk_Metrics_BeatTheBaseRate()
    {
        var metrics = DemoModelRunner.CreditRisk.Metrics;

        Assert.True(metrics["test_accuracy"] > 1 - metrics["test_default_rate"], "must beat always predicting 'no default'");
        Assert.InRange(metrics["test_auc"], 0.75, 0.99);
    }

    [Fact]
    public void CreditRisk_Manifest_DeclaresTabularShapes()
    {
        var manifest = DemoModelRunner.CreditRisk.Manifest;

        Assert.Equal("credit-risk", manifest.Name);
        Assert.Equal("applicant", manifest.Inputs[0].Name);
        Assert.Equal(new long[] { -1, 4 }, manifest.Inputs[0].Shape);
        Assert.Equal("default_probability", manifest.Outputs[0].Name);
        Assert.Equal(new long[] { -1, 1 }, manifest.Outputs[0].Shape);
        Assert.Null(manifest.Featurizer);
    }
}
