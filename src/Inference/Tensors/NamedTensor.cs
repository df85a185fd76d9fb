using System.Text.Json.Serialization;
using Governance.Domain.Models;
using Governance.Inference.Protocol;

namespace Governance.Inference.Tensors;

/// <summary>
/// A decoded, typed tensor: <see cref="Data"/> is a flat row-major array of the datatype's CLR element
/// type (float[] for FP32, Half[] for FP16, string[] for BYTES, ...) whose length is the product of
/// <see cref="Shape"/>. On the wire it is an Open Inference Protocol tensor object.
/// </summary>
[JsonConverter(typeof(NamedTensorJsonConverter))]
public sealed record NamedTensor
{
    public NamedTensor(string name, TensorDataType dataType, long[] shape, Array data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        var expectedType = DataTypes.ClrElementType(dataType);
        if (data.GetType() != expectedType.MakeArrayType())
        {
            throw new ArgumentException($"{DataTypes.ToWire(dataType)} data must be a {expectedType.Name}[].", nameof(data));
        }

        if (TensorShape.ElementCount(shape, long.MaxValue) != data.LongLength)
        {
            throw new ArgumentException($"Shape {TensorShape.Format(shape)} does not hold {data.LongLength} elements.", nameof(shape));
        }

        Name = name;
        DataType = dataType;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }

    public TensorDataType DataType { get; }

    public long[] Shape { get; }

    public Array Data { get; }

    /// <summary>The data as its typed array, e.g. <c>GetData&lt;float&gt;()</c> for FP32.</summary>
    public T[] GetData<T>() => Data.GetType() == typeof(T[])
        ? (T[])Data
        : throw new InvalidCastException($"Tensor '{Name}' holds {DataTypes.ToWire(DataType)}, not {typeof(T).Name}.");

    /// <summary>Wraps a typed array; the datatype follows from <typeparamref name="T"/>.</summary>
    public static NamedTensor Create<T>(string name, T[] data, params long[] shape)
    {
        if (!DataTypes.TryFromClr(typeof(T), out var dataType))
        {
            throw new ArgumentException($"No tensor datatype holds {typeof(T).Name}.", nameof(data));
        }

        return new NamedTensor(name, dataType, shape, data);
    }

    /// <summary>Zeros (empty strings for BYTES) of the given shape: warm-up inputs.</summary>
    public static NamedTensor Zeros(string name, TensorDataType dataType, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var count = TensorShape.ElementCount(shape);
        if (count < 0)
        {
            throw new ArgumentException($"Shape {TensorShape.Format(shape)} is negative or too large.", nameof(shape));
        }

        var data = Array.CreateInstance(DataTypes.ClrElementType(dataType), count);
        if (data is string[] strings)
        {
            Array.Fill(strings, string.Empty);
        }

        return new NamedTensor(name, dataType, shape, data);
    }
}
