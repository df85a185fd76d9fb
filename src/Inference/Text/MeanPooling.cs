namespace Governance.Inference.Text;

/// <summary>Sentence-transformers' pooling: the mean of the token states the attention mask keeps, then L2 normalization.</summary>
public static class MeanPooling
{
    /// <summary>Pools row <paramref name="row"/> of a [rows, tokens, dimensions] tensor whose first <paramref name="kept"/> tokens are real.</summary>
    public static float[] Pool(ReadOnlySpan<float> states, int row, int tokens, int dimensions, int kept, bool normalize)
    {
        var sums = new double[dimensions];
        var offset = row * tokens * dimensions;
        for (var t = 0; t < kept; t++)
        {
            var state = states.Slice(offset + (t * dimensions), dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                sums[d] += state[d];
            }
        }

        var divisor = Math.Max(kept, 1);
        var squares = 0.0;
        for (var d = 0; d < dimensions; d++)
        {
            sums[d] /= divisor;
            squares += sums[d] * sums[d];
        }

        // sentence-transformers' Normalize divides by max(norm, 1e-12), so a zero vector stays zero.
        var scale = normalize ? 1.0 / Math.Max(Math.Sqrt(squares), 1e-12) : 1.0;
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)(sums[d] * scale);
        }

        return vector;
    }
}
