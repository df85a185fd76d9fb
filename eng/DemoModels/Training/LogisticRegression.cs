namespace Governance.DemoModels.Training;

/// <summary>
/// Binary logistic regression by full-batch gradient descent with L2 on standardised features.
/// The standardisation is folded back into the weights afterwards, so the exported model takes
/// raw feature values: w' = w / sd and b' = b - Σ w·mean / sd.
/// </summary>
internal sealed class LogisticRegression
{
    private double[] _weights = [];
    private double _bias;

    public IReadOnlyList<double> Weights => _weights;

    public double Bias => _bias;

    public void Train(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, int iterations, double learningRate, double l2)
    {
        var width = features[0].Length;
        var (mean, sd) = Moments(features, width);
        var weights = new double[width];
        var bias = 0.0;
        var gradient = new double[width];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var n = 0; n < features.Count; n++)
            {
                var z = bias;
                for (var j = 0; j < width; j++)
                {
                    z += weights[j] * (features[n][j] - mean[j]) / sd[j];
                }

                var error = Sigmoid(z) - (labels[n] ? 1 : 0);
                for (var j = 0; j < width; j++)
                {
                    gradient[j] += error * (features[n][j] - mean[j]) / sd[j];
                }

                biasGradient += error;
            }

            for (var j = 0; j < width; j++)
            {
                weights[j] -= learningRate * ((gradient[j] / features.Count) + (l2 * weights[j]));
            }

            bias -= learningRate * biasGradient / features.Count;
        }

        _weights = new double[width];
        _bias = bias;
        for (var j = 0; j < width; j++)
        {
            _weights[j] = (float)(weights[j] / sd[j]);
            _bias -= weights[j] * mean[j] / sd[j];
        }

        // Keep exactly what the float32 ONNX graph will hold, so that metrics describe the exported model.
        _bias = (float)_bias;
    }

    public double Probability(double[] x)
    {
        var z = _bias;
        for (var j = 0; j < _weights.Length; j++)
        {
            z += _weights[j] * x[j];
        }

        return Sigmoid(z);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static (double[] Mean, double[] Sd) Moments(IReadOnlyList<double[]> features, int width)
    {
        var mean = new double[width];
        var sd = new double[width];
        foreach (var row in features)
        {
            for (var j = 0; j < width; j++)
            {
                mean[j] += row[j] / features.Count;
            }
        }

        foreach (var row in features)
        {
            for (var j = 0; j < width; j++)
            {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / features.Count;
            }
        }

        for (var j = 0; j < width; j++)
        {
            sd[j] = Math.Max(Math.Sqrt(sd[j]), 1e-9);
        }

        return (mean, sd);
    }
}
