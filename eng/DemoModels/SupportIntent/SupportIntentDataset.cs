namespace Governance.DemoModels.SupportIntent;

internal sealed record LabelledText(string Text, int Label);

/// <summary>
/// The labelled support messages: 80% built from each intent's training phrases, 20% from
/// its held-out test phrases. Fully determined by the seed.
/// </summary>
internal sealed record SupportIntentDataset(IReadOnlyList<string> Labels, IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Test)
{
    public const int ExamplesPerIntent = 500;
    private const int HeldOutPerIntent = ExamplesPerIntent / 5;

    public static SupportIntentDataset Generate(int seed)
    {
        var random = new Random(seed);
        var composer = new SupportMessageComposer(random);
        var labels = new List<string>();
        var train = new List<LabelledText>();
        var test = new List<LabelledText>();
        foreach (var intent in SupportIntentPhrases.Load())
        {
            var label = labels.Count;
            labels.Add(intent.Label);
            for (var i = 0; i < ExamplesPerIntent - HeldOutPerIntent; i++)
            {
                train.Add(new LabelledText(composer.Compose(intent.Train.Core[i % intent.Train.Core.Count], intent.Train.FollowUps), label));
            }

            for (var i = 0; i < HeldOutPerIntent; i++)
            {
                test.Add(new LabelledText(composer.Compose(intent.Test.Core[i % intent.Test.Core.Count], intent.Test.FollowUps), label));
            }
        }

        return new SupportIntentDataset(labels, train, test);
    }
}
