using Governance.DemoModels.Onnx;
using Governance.DemoModels.Training;
using Governance.Domain.Models;

namespace Governance.DemoModels.CreditRisk;

/// <summary>
/// Trains the credit-risk scorer and exports it as
/// default_probability = Sigmoid(MatMul(applicant, W) + B).
/// </summary>
internal static class CreditRiskModelBuilder
{
    public const string Name = "credit-risk";
    public const string Version = "1";

    private const int DatasetSeed = 1_984_0611;

    public static DemoModel Build()
    {
        var dataset = CreditRiskDataset.Generate(DatasetSeed);
        var model = new LogisticRegression();
        model.Train(Features(dataset.Train), Labels(dataset.Train), iterations: 400, learningRate: 0.5, l2: 1e-3);

        var trainScores = Scores(model, dataset.Train);
        var testScores = Scores(model, dataset.Test);
        var metrics = new Dictionary<string, double>
        {
            ["train_accuracy"] = BinaryMetrics.Accuracy(trainScores, Labels(dataset.Train)),
            ["test_accuracy"] = BinaryMetrics.Accuracy(testScores, Labels(dataset.Test)),
            ["test_auc"] = BinaryMetrics.RocAuc(testScores, Labels(dataset.Test)),
            ["test_default_rate"] = BinaryMetrics.PositiveRate(Labels(dataset.Test)),
            ["train_examples"] = dataset.Train.Count,
            ["test_examples"] = dataset.Test.Count,
        };
        return new DemoModel(Export(model), Manifest(), metrics);
    }

    private static byte[] Export(LogisticRegression model)
    {
        var width = model.Weights.Count;
        var weights = new float[width];
        for (var j = 0; j < width; j++)
        {
            weights[j] = (float)model.Weights[j];
        }

        var graph = new OnnxGraph(
            Name,
            [
                new OnnxNode("matmul", "MatMul", ["applicant", "W"], ["score"]),
                new OnnxNode("add_bias", "Add", ["score", "B"], ["logit"]),
                new OnnxNode("sigmoid", "Sigmoid", ["logit"], ["default_probability"]),
            ],
            [
                OnnxTensor.FromFloats("W", [width, 1], weights),
                OnnxTensor.FromFloats("B", [1], [(float)model.Bias]),
            ],
            [new OnnxValueInfo("applicant", OnnxElementType.Float, [-1, width])],
            [new OnnxValueInfo("default_probability", OnnxElementType.Float, [-1, 1])]);
        return DemoModelFactory.Serialize(
            graph,
            "Probability of loan default. Input columns: " + string.Join(", ", CreditRiskDataset.FeatureNames) +
            " (income in thousands per year, debt-to-income ratio, age in years, late payments in two years).");
    }

    private static ModelManifest Manifest() => new(
        Name,
        Version,
        "tabular-classification",
        ["demo", "credit-scoring", "high-risk"],
        [new TensorSpec("applicant", TensorDataType.Fp32, [-1, CreditRiskDataset.FeatureNames.Count])],
        [new TensorSpec("default_probability", TensorDataType.Fp32, [-1, 1])],
        ["default"],
        // Applicants' income, debts and payment history: personal and financial data, credit decisions only.
        DataCategories: ["personal", "financial"],
        License: new ModelLicenseTerms("governance-demo-eula-1", Commercial: true, "Governance Demo Models", ["credit-scoring", "risk-management"], new DateOnly(2028, 12, 31)));

    private static double[][] Features(IReadOnlyList<CreditApplicant> applicants)
    {
        var rows = new double[applicants.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = applicants[i].Features;
        }

        return rows;
    }

    private static bool[] Labels(IReadOnlyList<CreditApplicant> applicants)
    {
        var labels = new bool[applicants.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = applicants[i].Defaulted;
        }

        return labels;
    }

    private static double[] Scores(LogisticRegression model, IReadOnlyList<CreditApplicant> applicants)
    {
        var scores = new double[applicants.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = model.Probability(applicants[i].Features);
        }

        return scores;
    }
}
