namespace Governance.DemoModels.Training;

/// <summary>The non-zero entries of a feature vector; hashed text vectors are ~90% zeros.</summary>
internal sealed record SparseFeatures(int[] Indices, float[] Values)
{
    public static SparseFeatures FromDense(ReadOnlySpan<float> dense)
    {
        var count = dense.Length - dense.Count(0f);
        var indices = new int[count];
        var values = new float[count];
        var next = 0;
        for (var i = 0; i < dense.Length; i++)
        {
            if (dense[i] != 0f)
            {
                indices[next] = i;
                values[next++] = dense[i];
            }
        }

        return new SparseFeatures(indices, values);
    }
}

internal sealed record TrainingExample(SparseFeatures Features, int Label);
