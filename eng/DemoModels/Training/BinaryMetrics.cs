namespace Governance.DemoModels.Training;

/// <summary>Evaluation figures for a binary scorer.</summary>
internal static class BinaryMetrics
{
    public static double Accuracy(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold = 0.5)
    {
        var correct = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            correct += (scores[i] >= threshold) == labels[i] ? 1 : 0;
        }

        return (double)correct / scores.Count;
    }

    /// <summary>Area under the ROC curve: the chance a random positive outscores a random negative (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        double favourable = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (!labels[i])
            {
                continue;
            }

            for (var j = 0; j < scores.Count; j++)
            {
                if (labels[j])
                {
                    continue;
                }

                pairs++;
                favourable += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }

        return pairs == 0 ? double.NaN : favourable / pairs;
    }

    public static double PositiveRate(IReadOnlyList<bool> labels)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        return (double)positives / labels.Count;
    }
}
