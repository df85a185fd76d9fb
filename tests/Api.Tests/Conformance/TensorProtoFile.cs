using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using Governance.Domain.Models;

namespace Governance.Api.Tests.Conformance;

/// <summary>
/// One ONNX TensorProto (a test_data_set_*/input_*.pb or output_*.pb), read by hand with protobuf's
/// wire reader, its elements re-encoded in the binary tensor extension's layout.
/// </summary>
internal sealed record TensorProtoFile(string Name, int OnnxType, long[] Dims, TensorDataType? DataType, byte[] Binary)
{
    private const int Float = 1, Uint8 = 2, Int8 = 3, Uint16 = 4, Int16 = 5, Int32 = 6, Int64 = 7, String = 8, Bool = 9, Float16 = 10,
        Double = 11, Uint32 = 12, Uint64 = 13;

    public long ElementCount => Dims.Aggregate(1L, (a, d) => a * d);

    public static TensorProtoFile Read(string path)
    {
        var input = new CodedInputStream(File.ReadAllBytes(path));
        var dims = new List<long>();
        var (name, type) = ("", 0);
        ByteString? raw = null;
        var floats = new List<float>();
        var doubles = new List<double>();
        var ints = new List<long>();
        var uints = new List<ulong>();
        var strings = new List<byte[]>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var (field, packed) = ((int)(tag >> 3), (tag & 7) == 2);
            switch (field)
            {
                case 1: ReadRepeated(input, packed, () => dims.Add(input.ReadInt64())); break;
                case 2: type = input.ReadInt32(); break;
                case 4: ReadRepeated(input, packed, () => floats.Add(input.ReadFloat())); break;
                case 5: ReadRepeated(input, packed, () => ints.Add(input.ReadInt32())); break;
                case 6: strings.Add(input.ReadBytes().ToByteArray()); break;
                case 7: ReadRepeated(input, packed, () => ints.Add(input.ReadInt64())); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes(); break;
                case 10: ReadRepeated(input, packed, () => doubles.Add(input.ReadDouble())); break;
                case 11: ReadRepeated(input, packed, () => uints.Add(input.ReadUInt64())); break;
                default: input.SkipLastField(); break;
            }
        }

        var dataType = ToDataType(type);
        var binary = dataType is null ? [] : raw is not null && dataType != TensorDataType.Bytes
            ? raw.ToByteArray()
            : Encode(dataType.Value, floats, doubles, ints, uints, strings);
        return new TensorProtoFile(name, type, [.. dims], dataType, binary);
    }

    public static TensorDataType? ToDataType(int onnxType) => onnxType switch
    {
        Float => TensorDataType.Fp32,
        Uint8 => TensorDataType.Uint8,
        Int8 => TensorDataType.Int8,
        Uint16 => TensorDataType.Uint16,
        Int16 => TensorDataType.Int16,
        Int32 => TensorDataType.Int32,
        Int64 => TensorDataType.Int64,
        String => TensorDataType.Bytes,
        Bool => TensorDataType.Bool,
        Float16 => TensorDataType.Fp16,
        Double => TensorDataType.Fp64,
        Uint32 => TensorDataType.Uint32,
        Uint64 => TensorDataType.Uint64,
        _ => null, // complex, bfloat16, float8, int4: no Open Inference Protocol datatype carries them
    };

    private static void ReadRepeated(CodedInputStream input, bool packed, Action readOne)
    {
        if (!packed)
        {
            readOne();
            return;
        }

        var length = input.ReadLength();
        var end = input.Position + length;
        while (input.Position < end)
        {
            readOne();
        }
    }

    private static byte[] Encode(TensorDataType type, List<float> floats, List<double> doubles, List<long> ints, List<ulong> uints, List<byte[]> strings)
    {
        using var output = new MemoryStream();
        Span<byte> buffer = stackalloc byte[8];
        switch (type)
        {
            case TensorDataType.Fp32:
                foreach (var f in floats) { BinaryPrimitives.WriteSingleLittleEndian(buffer, f); output.Write(buffer[..4]); }
                break;
            case TensorDataType.Fp64:
                foreach (var d in doubles) { BinaryPrimitives.WriteDoubleLittleEndian(buffer, d); output.Write(buffer[..8]); }
                break;
            case TensorDataType.Uint32 or TensorDataType.Uint64:
                var width = type == TensorDataType.Uint32 ? 4 : 8;
                foreach (var u in uints) { BinaryPrimitives.WriteUInt64LittleEndian(buffer, u); output.Write(buffer[..width]); }
                break;
            case TensorDataType.Bytes:
                foreach (var s in strings) { BinaryPrimitives.WriteInt32LittleEndian(buffer, s.Length); output.Write(buffer[..4]); output.Write(s); }
                break;
            default:
                // int32_data carries every narrower integer, BOOL and FP16 (as its bits); int64_data INT64.
                var size = Governance.Inference.Tensors.BinaryTensorCodec.ElementSize(type);
                foreach (var i in ints) { BinaryPrimitives.WriteInt64LittleEndian(buffer, i); output.Write(buffer[..size]); }
                break;
        }

        return output.ToArray();
    }

    /// <summary>Elements for comparison: numbers as doubles, BYTES as their UTF-8 text.</summary>
    public static object[] Elements(TensorDataType type, ReadOnlySpan<byte> binary)
    {
        if (type == TensorDataType.Bytes)
        {
            var texts = new List<object>();
            var offset = 0;
            while (offset + 4 <= binary.Length)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(binary[offset..]);
                texts.Add(Encoding.UTF8.GetString(binary.Slice(offset + 4, length)));
                offset += 4 + length;
            }

            return [.. texts];
        }

        var size = Governance.Inference.Tensors.BinaryTensorCodec.ElementSize(type);
        var result = new object[binary.Length / size];
        for (var i = 0; i < result.Length; i++)
        {
            var e = binary.Slice(i * size, size);
            result[i] = type switch
            {
                TensorDataType.Fp32 => (double)BinaryPrimitives.ReadSingleLittleEndian(e),
                TensorDataType.Fp64 => BinaryPrimitives.ReadDoubleLittleEndian(e),
                TensorDataType.Fp16 => (double)BinaryPrimitives.ReadHalfLittleEndian(e),
                TensorDataType.Bool or TensorDataType.Uint8 => (double)e[0],
                TensorDataType.Int8 => (double)(sbyte)e[0],
                TensorDataType.Uint16 => (double)BinaryPrimitives.ReadUInt16LittleEndian(e),
                TensorDataType.Int16 => (double)BinaryPrimitives.ReadInt16LittleEndian(e),
                TensorDataType.Uint32 => (double)BinaryPrimitives.ReadUInt32LittleEndian(e),
                TensorDataType.Int32 => (double)BinaryPrimitives.ReadInt32LittleEndian(e),
                TensorDataType.Uint64 => (decimal)BinaryPrimitives.ReadUInt64LittleEndian(e),
                _ => (decimal)BinaryPrimitives.ReadInt64LittleEndian(e),
            };
        }

        return result;
    }
}
