using Governance.Domain.Text;

namespace Governance.Inference.Tests.DemoModels;

public sealed class SupportIntentModelTests
{
    // Written for this test, not taken from the training or held-out phrases.
    public static TheoryData<string, string> FreshMessages => new()
    {
        { "Hi, my credit card 4111 1111 1111 1111 was charged $89.99 twice this month, please refund one of the payments.", "billing" },
        { "Could you send me last month's invoice? The total seems higher than what I normally pay.", "billing" },
        { "The mobile app crashes as soon as I tap the camera button on my Android phone.", "technical" },
        { "Since this morning the website shows error 503 and nothing loads.", "technical" },
        { "I can't sign in, the password reset email never came to maria.lopez@example.com", "account_access" },
        { "My login got blocked after too many attempts, please help me get back in. Phone: +1 415-555-0199", "account_access" },
        { "Your agent hung up on me twice and nobody apologised. Terrible service.", "complaint" },
        { "I'm extremely unhappy with how rude the staff were at your shop.", "complaint" },
        { "Please cancel my subscription and don't renew it next year. My email is tom.baker@example.org", "cancellation" },
        { "I want to terminate my contract, I'm switching providers at the end of the month.", "cancellation" },
    };

    [Theory]
    [MemberData(nameof(FreshMessages))]
    public void SupportIntent_FreshMessage_PredictsItsIntent(string message, string expected)
    {
        var probabilities = Classify([message]);

        Assert.Equal(expected, Label(probabilities, 0));
    }

    [Fact]
    public void SupportIntent_Batch_RowsAreProbabilityDistributions()
    {
        var messages = FreshMessages.Select(row => (string)row[0]).ToArray();
        var labels = DemoModelRunner.SupportIntent.Manifest.Labels.Count;

        var probabilities = Classify(messages);

        Assert.Equal(messages.Length * labels, probabilities.Length);
        for (var row = 0; row < messages.Length; row++)
        {
            var slice = probabilities.AsSpan(row * labels, labels);
            Assert.All(slice.ToArray(), p => Assert.InRange(p, 0f, 1f));
            Assert.Equal(1.0, slice.ToArray().Sum(), 4);
        }
    }

    [Fact]
    public void SupportIntent_Metrics_GeneraliseToHeldOutPhrasing()
    {
        var metrics = DemoModelRunner.SupportIntent.Metrics;

        Assert.InRange(metrics["test_accuracy"], 0.9, 0.999);
        Assert.InRange(metrics["train_accuracy"], 0.95, 1.0);
        Assert.True(metrics["train_examples"] + metrics["test_examples"] >= 1500);
    }

    [Fact]
    public void SupportIntent_Manifest_DescribesTextModel()
    {
        var manifest = DemoModelRunner.SupportIntent.Manifest;

        Assert.Equal("support-intent", manifest.Name);
        Assert.Equal("text-classification", manifest.Task);
        Assert.Contains("pii-bearing", manifest.Tags);
        Assert.Equal(HashedTextFeaturizer.Kind, manifest.Featurizer!.Kind);
        Assert.Equal(new long[] { -1, manifest.Featurizer.Dimensions }, manifest.Inputs[0].Shape);
        Assert.Equal(new long[] { -1, manifest.Labels.Count }, manifest.Outputs[0].Shape);
    }

    private static float[] Classify(string[] messages)
    {
        var model = DemoModelRunner.SupportIntent;
        var featurizer = new HashedTextFeaturizer(model.Manifest.Featurizer!);
        var features = new float[messages.Length * featurizer.Dimensions];
        for (var i = 0; i < messages.Length; i++)
        {
            featurizer.Featurize(messages[i], features.AsSpan(i * featurizer.Dimensions, featurizer.Dimensions));
        }

        return DemoModelRunner.RunFp32(model, features, messages.Length);
    }

    private static string Label(float[] probabilities, int row)
    {
        var labels = DemoModelRunner.SupportIntent.Manifest.Labels;
        var best = 0;
        for (var k = 1; k < labels.Count; k++)
        {
            best = probabilities[(row * labels.Count) + k] > probabilities[(row * labels.Count) + best] ? k : best;
        }

        return labels[best];
    }
}
