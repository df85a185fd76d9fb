using Governance.DemoModels.Onnx;
using Governance.DemoModels.Training;
using Governance.Domain.Models;
using Governance.Domain.Text;

namespace Governance.DemoModels.SupportIntent;

/// <summary>
/// Trains the support-intent classifier and exports it as
/// probabilities = Softmax(MatMul(features, W) + B, axis 1).
/// </summary>
internal static class SupportIntentModelBuilder
{
    public const string Name = "support-intent";
    public const string Version = "1";

    private const int DatasetSeed = 4_117_2024;
    private const int ShuffleSeed = 90_210;

    public static readonly TextFeaturizerSpec Featurizer = new(HashedTextFeaturizer.Kind, 2048, 3, 5);

    private static readonly SoftmaxTrainingOptions Training = new(Epochs: 30, BatchSize: 16, LearningRate: 1.0, L2: 1e-4, ShuffleSeed);

    public static DemoModel Build()
    {
        var dataset = SupportIntentDataset.Generate(DatasetSeed);
        var featurizer = new HashedTextFeaturizer(Featurizer);
        var train = Featurize(featurizer, dataset.Train);
        var test = Featurize(featurizer, dataset.Test);
        var model = new SoftmaxRegression(featurizer.Dimensions, dataset.Labels.Count);
        model.Train(train, Training);

        var metrics = new Dictionary<string, double>
        {
            ["train_accuracy"] = model.Accuracy(train),
            ["test_accuracy"] = model.Accuracy(test),
            ["train_examples"] = train.Length,
            ["test_examples"] = test.Length,
        };
        return new DemoModel(Export(model), Manifest(featurizer.Dimensions, dataset.Labels), metrics);
    }

    private static TrainingExample[] Featurize(HashedTextFeaturizer featurizer, IReadOnlyList<LabelledText> texts)
    {
        var dense = new float[featurizer.Dimensions];
        var examples = new TrainingExample[texts.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            featurizer.Featurize(texts[i].Text, dense);
            examples[i] = new TrainingExample(SparseFeatures.FromDense(dense), texts[i].Label);
        }

        return examples;
    }

    private static byte[] Export(SoftmaxRegression model)
    {
        var graph = new OnnxGraph(
            Name,
            [
                new OnnxNode("matmul", "MatMul", ["features", "W"], ["scores"]),
                new OnnxNode("add_bias", "Add", ["scores", "B"], ["logits"]),
                new OnnxNode("softmax", "Softmax", ["logits"], ["probabilities"], [OnnxAttribute.Of("axis", 1L)]),
            ],
            [
                OnnxTensor.FromFloats("W", [model.Features, model.Classes], model.WeightsAsSingle()),
                OnnxTensor.FromFloats("B", [model.Classes], model.BiasAsSingle()),
            ],
            [new OnnxValueInfo("features", OnnxElementType.Float, [-1, model.Features])],
            [new OnnxValueInfo("probabilities", OnnxElementType.Float, [-1, model.Classes])]);
        return DemoModelFactory.Serialize(
            graph,
            "Support message intent: multinomial logistic regression over hashed-ngrams text features.");
    }

    private static ModelManifest Manifest(int dimensions, IReadOnlyList<string> labels) => new(
        Name,
        Version,
        "text-classification",
        ["demo", "pii-bearing", "customer-support"],
        [new TensorSpec("features", TensorDataType.Fp32, [-1, dimensions])],
        [new TensorSpec("probabilities", TensorDataType.Fp32, [-1, labels.Count])],
        labels,
        Featurizer,
        // Customer messages carry names and contact details; the terms are our own, support use only.
        ["personal", "contact"],
        new ModelLicenseTerms("governance-demo-eula-1", Commercial: true, "Governance Demo Models", ["support", "quality-assurance"], new DateOnly(2028, 12, 31)));
}
