using System.Runtime.InteropServices;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Governance.Inference.Runtime;

/// <summary>
/// Moves tensors across the managed/native boundary. Numeric inputs are pinned, not copied: the
/// returned <see cref="OrtValue"/> keeps the array pinned until it is disposed.
/// </summary>
internal static class OrtTensors
{
    // Switch on the datatype, not the array's runtime type: the CLR lets uint[] pass as int[] (and
    // ushort[] as short[], ...), so a type pattern would send unsigned data as signed.
    public static OrtValue ToOrtValue(NamedTensor tensor) => tensor.Data.Length == 0 && tensor.DataType != TensorDataType.Bytes
        ? OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, DataTypes.ToOrt(tensor.DataType), tensor.Shape)
        : tensor.DataType switch
        {
            TensorDataType.Fp32 => OrtValue.CreateTensorValueFromMemory((float[])tensor.Data, tensor.Shape),
            TensorDataType.Int64 => OrtValue.CreateTensorValueFromMemory((long[])tensor.Data, tensor.Shape),
            TensorDataType.Int32 => OrtValue.CreateTensorValueFromMemory((int[])tensor.Data, tensor.Shape),
            TensorDataType.Fp64 => OrtValue.CreateTensorValueFromMemory((double[])tensor.Data, tensor.Shape),
            TensorDataType.Bool => OrtValue.CreateTensorValueFromMemory((bool[])tensor.Data, tensor.Shape),
            TensorDataType.Uint8 => OrtValue.CreateTensorValueFromMemory((byte[])tensor.Data, tensor.Shape),
            TensorDataType.Int8 => OrtValue.CreateTensorValueFromMemory((sbyte[])tensor.Data, tensor.Shape),
            TensorDataType.Int16 => OrtValue.CreateTensorValueFromMemory((short[])tensor.Data, tensor.Shape),
            TensorDataType.Uint16 => OrtValue.CreateTensorValueFromMemory((ushort[])tensor.Data, tensor.Shape),
            TensorDataType.Uint32 => OrtValue.CreateTensorValueFromMemory((uint[])tensor.Data, tensor.Shape),
            TensorDataType.Uint64 => OrtValue.CreateTensorValueFromMemory((ulong[])tensor.Data, tensor.Shape),
            TensorDataType.Fp16 => HalfTensor((Half[])tensor.Data, tensor.Shape),
            TensorDataType.Bytes => StringTensor((string[])tensor.Data, tensor.Shape),
            _ => throw new ArgumentException($"Tensor '{tensor.Name}' has unknown datatype {tensor.DataType}.", nameof(tensor)),
        };

    public static NamedTensor FromOrtValue(string name, OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        if (!DataTypes.TryFromOrt(info.ElementDataType, out var type))
        {
            throw new InvalidModelException($"output '{name}' has element type {info.ElementDataType}, which the protocol cannot carry");
        }

        // A zero-size tensor (a dimension of 0) has no buffer to read.
        Array data = info.ElementCount == 0 ? Array.CreateInstance(DataTypes.ClrElementType(type), 0) : type switch
        {
            TensorDataType.Fp32 => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorDataType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorDataType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorDataType.Fp64 => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorDataType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            TensorDataType.Uint8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorDataType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorDataType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorDataType.Uint16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorDataType.Uint32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorDataType.Uint64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            TensorDataType.Fp16 => MemoryMarshal.Cast<Float16, Half>(value.GetTensorDataAsSpan<Float16>()).ToArray(),
            _ => value.GetStringTensorAsArray(),
        };
        return new NamedTensor(name, type, info.Shape, data);
    }

    private static OrtValue HalfTensor(Half[] data, long[] shape)
    {
        // ONNX Runtime's Float16 is not System.Half, though the bits are the same IEEE binary16.
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float16, shape);
        MemoryMarshal.AsBytes(data.AsSpan()).CopyTo(value.GetTensorMutableRawData());
        return value;
    }

    private static OrtValue StringTensor(string[] data, long[] shape)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        try
        {
            for (var i = 0; i < data.Length; i++)
            {
                value.StringTensorSetElementAt(data[i].AsSpan(), i);
            }

            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }
}
