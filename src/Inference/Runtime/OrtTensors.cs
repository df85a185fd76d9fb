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
    public static OrtValue ToOrtValue(NamedTensor tensor) => tensor.Data switch
    {
        float[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        long[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        int[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        double[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        bool[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        byte[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        sbyte[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        short[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        ushort[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        uint[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        ulong[] d => OrtValue.CreateTensorValueFromMemory(d, tensor.Shape),
        Half[] d => HalfTensor(d, tensor.Shape),
        string[] d => StringTensor(d, tensor.Shape),
        _ => throw new ArgumentException($"Tensor '{tensor.Name}' holds unsupported data {tensor.Data.GetType().Name}.", nameof(tensor)),
    };

    public static NamedTensor FromOrtValue(string name, OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        if (!DataTypes.TryFromOrt(info.ElementDataType, out var type))
        {
            throw new InvalidModelException($"output '{name}' has element type {info.ElementDataType}, which the protocol cannot carry");
        }

        Array data = type switch
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
