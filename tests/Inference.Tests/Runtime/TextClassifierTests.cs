using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

public sealed class TextClassifierTests
{
    [Fact]
    public void Predict_ReturnsEveryLabelOnceOrderedByScore()
    {
        var demo = Models.SupportIntent;
        using var model = Models.Load(demo);
        var classifier = new TextClassifier(model);

        var scores = classifier.Predict("I was charged twice for my subscription this month, please refund me");

        Assert.Equal(demo.Manifest.Labels.Order(StringComparer.Ordinal), scores.Select(s => s.Label).Order(StringComparer.Ordinal));
        for (var i = 1; i < scores.Count; i++)
        {
            Assert.True(scores[i - 1].Score >= scores[i].Score);
        }

        Assert.Equal(1.0, scores.Sum(s => s.Score), 4);
    }

    [Fact]
    public void Predict_AgreesWithTheProtocolPath()
    {
        var demo = Models.SupportIntent;
        using var model = Models.Load(demo);
        var featurizer = new Governance.Domain.Text.HashedTextFeaturizer(demo.Manifest.Featurizer!);
        const string text = "my password reset link does not work";
        var features = new float[featurizer.Dimensions];
        featurizer.Featurize(text, features);

        var viaProtocol = model.Run(new Governance.Inference.Protocol.ValidatedRequest(
            [Governance.Inference.Tensors.NamedTensor.Create("features", features, 1, features.Length)], ["probabilities"]), CancellationToken.None);
        var viaClassifier = new TextClassifier(model).Predict(text);

        var probabilities = viaProtocol[0].GetData<float>();
        foreach (var (label, score) in viaClassifier)
        {
            var index = demo.Manifest.Labels.ToList().IndexOf(label);
            Assert.Equal(probabilities[index], score);
        }
    }

    [Fact]
    public void Predict_EmptyText_StillScoresEveryLabel()
    {
        var demo = Models.SupportIntent;
        using var model = Models.Load(demo);

        Assert.Equal(demo.Manifest.Labels.Count, new TextClassifier(model).Predict("").Count);
    }

    [Fact]
    public void Constructor_ModelWithoutFeaturizer_IsRefused()
    {
        using var model = Models.Load(Models.CreditRisk);

        Assert.Throws<ArgumentException>(() => new TextClassifier(model));
    }
}
