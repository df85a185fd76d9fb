using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Governance.Domain.Models;
using Governance.Inference.Errors;

namespace Governance.Inference.Tensors;

/// <summary>
/// The binary tensor data extension's element layout: little-endian, row-major, no padding; BOOL one
/// byte (0 or 1); BYTES a 4-byte little-endian length then the bytes, which must be UTF-8 here because
/// the platform reads every text tensor (anonymization, audit digests) as text.
/// </summary>
public static class BinaryTensorCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes per element of a fixed-size datatype; 0 for BYTES.</summary>
    public static int ElementSize(TensorDataType type) => type switch
    {
        TensorDataType.Bool or TensorDataType.Uint8 or TensorDataType.Int8 => 1,
        TensorDataType.Uint16 or TensorDataType.Int16 or TensorDataType.Fp16 => 2,
        TensorDataType.Uint32 or TensorDataType.Int32 or TensorDataType.Fp32 => 4,
        TensorDataType.Uint64 or TensorDataType.Int64 or TensorDataType.Fp64 => 8,
        _ => 0,
    };

    /// <summary>Decodes exactly <paramref name="count"/> elements from all of <paramref name="bytes"/>.</summary>
    public static Array Decode(string name, TensorDataType type, int count, ReadOnlySpan<byte> bytes)
    {
        if (type == TensorDataType.Bytes)
        {
            return DecodeStrings(name, count, bytes);
        }

        var size = ElementSize(type);
        if ((long)count * size != bytes.Length)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.ElementCountMismatch,
                $"input '{name}': {count} {DataTypes.ToWire(type)} elements take {(long)count * size} bytes, binary_data_size is {bytes.Length}");
        }

        var data = Array.CreateInstance(DataTypes.ClrElementType(type), count);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The binary tensor extension is implemented for little-endian hosts only.");
        }

        bytes.CopyTo(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(data), bytes.Length));
        if (type == TensorDataType.Bool && bytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.InvalidElement,
                $"input '{name}': BOOL element {bad} is byte {bytes[bad]}; binary BOOL elements must be 0 or 1");
        }

        return data;
    }

    /// <summary>Appends the tensor's binary form; returns how many bytes it took.</summary>
    public static int Encode(TensorDataType type, Array data, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        if (type == TensorDataType.Bytes)
        {
            var total = 0;
            foreach (var text in (string[])data)
            {
                var length = Encoding.UTF8.GetByteCount(text);
                var span = destination.GetSpan(4 + length);
                BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)length);
                Encoding.UTF8.GetBytes(text, span[4..]);
                destination.Advance(4 + length);
                total += 4 + length;
            }

            return total;
        }

        var bytes = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(data), data.Length * ElementSize(type));
        destination.Write(bytes);
        return bytes.Length;
    }

    private static string[] DecodeStrings(string name, int count, ReadOnlySpan<byte> bytes)
    {
        var result = new string[count];
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - offset < 4)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.ElementCountMismatch,
                    $"input '{name}': binary data ends before BYTES element {i} of {count}");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            offset += 4;
            if (length > (uint)(bytes.Length - offset))
            {
                throw new InferenceInputException(name, InferenceErrorCodes.InvalidElement,
                    $"input '{name}': BYTES element {i} declares {length} bytes, only {bytes.Length - offset} remain");
            }

            try
            {
                result[i] = StrictUtf8.GetString(bytes.Slice(offset, (int)length));
            }
            catch (DecoderFallbackException)
            {
                throw new InferenceInputException(name, InferenceErrorCodes.InvalidElement,
                    $"input '{name}': BYTES element {i} is not valid UTF-8; only text BYTES tensors are accepted");
            }

            offset += (int)length;
        }

        if (offset != bytes.Length)
        {
            throw new InferenceInputException(name, InferenceErrorCodes.ElementCountMismatch,
                $"input '{name}': {bytes.Length - offset} bytes left over after {count} BYTES elements");
        }

        return result;
    }
}
