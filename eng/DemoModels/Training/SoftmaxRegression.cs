namespace Governance.DemoModels.Training;

internal sealed record SoftmaxTrainingOptions(int Epochs, int BatchSize, double LearningRate, double L2, int ShuffleSeed);

/// <summary>
/// Multinomial logistic regression trained by mini-batch gradient descent with L2. Single
/// threaded and seeded, so the same data always gives bit-identical weights. Weights are laid
/// out [features, classes] row-major, which is what ONNX MatMul(features, W) expects.
/// </summary>
internal sealed class SoftmaxRegression(int features, int classes)
{
    private readonly double[] _weights = new double[features * classes];
    private readonly double[] _bias = new double[classes];

    public int Features => features;

    public int Classes => classes;

    public void Train(IReadOnlyList<TrainingExample> examples, SoftmaxTrainingOptions options)
    {
        var order = new int[examples.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var shuffle = new Random(options.ShuffleSeed);
        var weightGradient = new double[_weights.Length];
        var biasGradient = new double[classes];
        var probabilities = new double[classes];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            var learningRate = options.LearningRate / (1 + (epoch / 10.0));
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(start + options.BatchSize, order.Length);
                Array.Clear(weightGradient);
                Array.Clear(biasGradient);
                for (var n = start; n < end; n++)
                {
                    var example = examples[order[n]];
                    PredictProbabilities(example.Features, probabilities);
                    probabilities[example.Label] -= 1;
                    AccumulateGradient(example.Features, probabilities, weightGradient, biasGradient);
                }

                Step(weightGradient, biasGradient, learningRate / (end - start), learningRate * options.L2);
            }
        }

        // Keep exactly what the float32 ONNX graph will hold, so that metrics describe the exported model.
        RoundToSingle(_weights);
        RoundToSingle(_bias);
    }

    public void PredictProbabilities(SparseFeatures x, Span<double> probabilities)
    {
        _bias.CopyTo(probabilities);
        for (var n = 0; n < x.Indices.Length; n++)
        {
            var row = x.Indices[n] * classes;
            for (var k = 0; k < classes; k++)
            {
                probabilities[k] += _weights[row + k] * x.Values[n];
            }
        }

        var max = double.NegativeInfinity;
        foreach (var logit in probabilities)
        {
            max = Math.Max(max, logit);
        }

        double sum = 0;
        for (var k = 0; k < classes; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < classes; k++)
        {
            probabilities[k] /= sum;
        }
    }

    public int Predict(SparseFeatures x)
    {
        Span<double> probabilities = stackalloc double[classes];
        PredictProbabilities(x, probabilities);
        var best = 0;
        for (var k = 1; k < classes; k++)
        {
            best = probabilities[k] > probabilities[best] ? k : best;
        }

        return best;
    }

    public double Accuracy(IReadOnlyList<TrainingExample> examples)
    {
        var correct = 0;
        foreach (var example in examples)
        {
            correct += Predict(example.Features) == example.Label ? 1 : 0;
        }

        return (double)correct / examples.Count;
    }

    public float[] WeightsAsSingle() => Array.ConvertAll(_weights, w => (float)w);

    public float[] BiasAsSingle() => Array.ConvertAll(_bias, b => (float)b);

    private void AccumulateGradient(SparseFeatures x, double[] error, double[] weightGradient, double[] biasGradient)
    {
        for (var n = 0; n < x.Indices.Length; n++)
        {
            var row = x.Indices[n] * classes;
            for (var k = 0; k < classes; k++)
            {
                weightGradient[row + k] += error[k] * x.Values[n];
            }
        }

        for (var k = 0; k < classes; k++)
        {
            biasGradient[k] += error[k];
        }
    }

    private void Step(double[] weightGradient, double[] biasGradient, double scale, double decay)
    {
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] -= (scale * weightGradient[i]) + (decay * _weights[i]);
        }

        for (var k = 0; k < classes; k++)
        {
            _bias[k] -= scale * biasGradient[k];
        }
    }

    private static void RoundToSingle(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)values[i];
        }
    }
}
