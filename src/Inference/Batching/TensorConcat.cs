using Governance.Inference.Tensors;

namespace Governance.Inference.Batching;

/// <summary>
/// Joins tensors along dimension 0 and splits them back. Row-major data makes both a flat copy: the rows of
/// request k follow those of request k-1, whatever the element type (strings included).
/// </summary>
internal static class TensorConcat
{
    /// <summary>The size of dimension 0 shared by every tensor; -1 when one is a scalar or they disagree.</summary>
    public static int SharedRows(IReadOnlyList<NamedTensor> tensors)
    {
        var rows = -1L;
        foreach (var tensor in tensors)
        {
            if (tensor.Shape.Length == 0 || (rows >= 0 && tensor.Shape[0] != rows))
            {
                return -1;
            }

            rows = tensor.Shape[0];
        }

        return rows is >= 0 and <= int.MaxValue ? (int)rows : -1;
    }

    /// <summary>Tensor <paramref name="index"/> of every part, joined along dimension 0 (the parts share the other dimensions).</summary>
    public static NamedTensor Join(IReadOnlyList<IReadOnlyList<NamedTensor>> parts, int index)
    {
        var first = parts[0][index];
        long rows = 0, length = 0;
        foreach (var part in parts)
        {
            rows += part[index].Shape[0];
            length += part[index].Data.LongLength;
        }

        var data = Array.CreateInstance(first.Data.GetType().GetElementType()!, length);
        long offset = 0;
        foreach (var part in parts)
        {
            var source = part[index].Data;
            Array.Copy(source, 0, data, offset, source.LongLength);
            offset += source.LongLength;
        }

        var shape = (long[])first.Shape.Clone();
        shape[0] = rows;
        return new NamedTensor(first.Name, first.DataType, shape, data);
    }

    /// <summary>
    /// Splits each output into consecutive slices of <paramref name="rows"/> along dimension 0; null when an output has
    /// no dimension 0 of the batch's total size (the model did not keep rows apart, so its outputs cannot be split).
    /// </summary>
    public static NamedTensor[][]? Split(IReadOnlyList<NamedTensor> outputs, IReadOnlyList<int> rows)
    {
        long total = 0;
        foreach (var count in rows)
        {
            total += count;
        }

        var result = new NamedTensor[rows.Count][];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = new NamedTensor[outputs.Count];
        }

        for (var o = 0; o < outputs.Count; o++)
        {
            var output = outputs[o];
            if (output.Shape.Length == 0 || output.Shape[0] != total || total == 0)
            {
                return null;
            }

            var perRow = output.Data.LongLength / total;
            var elementType = output.Data.GetType().GetElementType()!;
            long offset = 0;
            for (var k = 0; k < result.Length; k++)
            {
                var length = rows[k] * perRow;
                var data = Array.CreateInstance(elementType, length);
                Array.Copy(output.Data, offset, data, 0, length);
                offset += length;
                var shape = (long[])output.Shape.Clone();
                shape[0] = rows[k];
                result[k][o] = new NamedTensor(output.Name, output.DataType, shape, data);
            }
        }

        return result;
    }
}
