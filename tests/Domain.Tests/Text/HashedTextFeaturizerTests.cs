using Governance.Domain.Models;
using Governance.Domain.Text;

namespace Governance.Domain.Tests.Text;

public sealed class HashedTextFeaturizerTests
{
    private static readonly TextFeaturizerSpec Spec = new(HashedTextFeaturizer.Kind, 2048, 3, 5);

    [Fact]
    public void Featurize_SameText_GivesIdenticalVectors()
    {
        const string text = "I was charged twice for order #4411, please refund me.";

        Assert.Equal(Features(text), Features(text));
        Assert.Equal(Features(text), Features(new HashedTextFeaturizer(Spec), text));
    }

    [Fact]
    public void Featurize_Text_IsUnitLength()
    {
        var vector = Features("My password reset link never arrives");

        Assert.Equal(1.0, Norm(vector), 5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!... --- ***")]
    public void Featurize_TextWithoutWords_GivesZeroVector(string text) =>
        Assert.All(Features(text), value => Assert.Equal(0f, value));

    [Fact]
    public void Featurize_IgnoresCase() =>
        Assert.Equal(Features("cancel my SUBSCRIPTION Today"), Features("Cancel My subscription today"));

    [Fact]
    public void Featurize_OnlyWordCharactersMatter() =>
        Assert.Equal(Features("refund my order"), Features("  refund, my   order!!"));

    [Fact]
    public void Featurize_DifferentTexts_GiveDifferentVectors()
    {
        var refund = Features("I want a refund for the duplicate charge");
        var login = Features("I cannot log in to my account");

        Assert.True(Dot(refund, login) < 0.5, "unrelated sentences should be far apart");
    }

    [Fact]
    public void Featurize_WordOrder_ChangesBigramsOnly()
    {
        var forward = Features("reset password now");
        var reversed = Features("now password reset");

        Assert.NotEqual(forward, reversed);
        Assert.True(Dot(forward, reversed) > 0.8, "same words and n-grams, only bigrams differ");
    }

    [Fact]
    public void Featurize_KnownText_GivesPinnedBuckets()
    {
        // Pins the hashing scheme: a change here silently breaks every model trained before it.
        var vector = Features(new HashedTextFeaturizer(new TextFeaturizerSpec(HashedTextFeaturizer.Kind, 16, 1, 1)), "ab");

        // Five features ("ab", "<", "a", "b", ">"), no collisions; buckets and signs computed independently from the scheme.
        int[] signs = [1, 0, 0, 0, 0, -1, -1, -1, 0, 0, 0, -1, 0, 0, 0, 0];
        var unit = (float)(1 / Math.Sqrt(5));
        Assert.Equal(Array.ConvertAll(signs, sign => sign * unit), vector);
    }

    [Fact]
    public void Featurize_WrongDestinationLength_Throws()
    {
        var featurizer = new HashedTextFeaturizer(Spec);

        Assert.Throws<ArgumentException>(() => featurizer.Featurize("hello", new float[Spec.Dimensions - 1]));
    }

    [Theory]
    [InlineData("bag-of-words", 2048, 3, 5)]
    [InlineData("hashed-ngrams", 15, 3, 5)]
    [InlineData("hashed-ngrams", (1 << 20) + 1, 3, 5)]
    [InlineData("hashed-ngrams", 2048, 0, 5)]
    [InlineData("hashed-ngrams", 2048, 4, 3)]
    [InlineData("hashed-ngrams", 2048, 3, 9)]
    [InlineData("Hashed-Ngrams", 2048, 3, 5)]
    public void Constructor_InvalidSpec_Throws(string kind, int dimensions, int min, int max) =>
        Assert.Throws<ArgumentException>(() => new HashedTextFeaturizer(new TextFeaturizerSpec(kind, dimensions, min, max)));

    [Fact]
    public void Constructor_BoundarySpec_IsAccepted()
    {
        Assert.Equal(16, new HashedTextFeaturizer(new TextFeaturizerSpec(HashedTextFeaturizer.Kind, 16, 1, 8)).Dimensions);
        Assert.Equal(1 << 20, new HashedTextFeaturizer(new TextFeaturizerSpec(HashedTextFeaturizer.Kind, 1 << 20, 8, 8)).Dimensions);
    }

    internal static float[] Features(string text) => Features(new HashedTextFeaturizer(Spec), text);

    internal static float[] Features(HashedTextFeaturizer featurizer, string text)
    {
        var vector = new float[featurizer.Dimensions];
        featurizer.Featurize(text, vector);
        return vector;
    }

    internal static double Norm(float[] vector) => Math.Sqrt(Dot(vector, vector));

    internal static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }
}
