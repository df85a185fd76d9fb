using System.Globalization;
using System.Text;
using Governance.Domain.Models;

namespace Governance.Inference.Tensors;

/// <summary>Shape arithmetic and formatting shared by validation, conversion and error messages.</summary>
public static class TensorShape
{
    /// <summary>Largest tensor a request may carry; guards memory before anything is allocated.</summary>
    public const long MaxElements = 16 * 1024 * 1024;

    /// <summary>Deeper ranks are not real models; the cap also bounds recursion over nested JSON.</summary>
    public const int MaxRank = 32;

    /// <summary>Product of the dimensions, or -1 when a dimension is negative or the product exceeds <paramref name="limit"/>.</summary>
    public static long ElementCount(ReadOnlySpan<long> shape, long limit = MaxElements)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                return -1;
            }

            // Checked against the limit before multiplying, so the product can never overflow.
            if (dim != 0 && count > limit / dim)
            {
                return -1;
            }

            count *= dim;
        }

        return count;
    }

    /// <summary>Whether <paramref name="actual"/> fits <paramref name="declared"/>, where -1 accepts any size.</summary>
    public static bool Fits(IReadOnlyList<long> declared, ReadOnlySpan<long> actual)
    {
        if (declared.Count != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (declared[i] >= 0 && declared[i] != actual[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"[-1, 2048]", as error messages and logs show shapes.</summary>
    public static string Format(IReadOnlyList<long> shape)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < shape.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append(']').ToString();
    }

    /// <summary>"FP32 [-1, 4]": a spec as one short phrase.</summary>
    public static string Describe(TensorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"{DataTypes.ToWire(spec.DataType)} {Format(spec.Shape)}";
    }
}
