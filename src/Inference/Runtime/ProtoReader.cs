using Governance.Inference.Errors;

namespace Governance.Inference.Runtime;

/// <summary>Reads the fields of one protobuf message: enough wire format to walk ONNX files without protoc.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    /// <summary>The next field: for wire type 2 its payload, for wire type 0 its value.</summary>
    public bool Next(out int field, out int wireType, out ReadOnlySpan<byte> payload, out ulong varint)
    {
        payload = default;
        varint = 0;
        field = 0;
        wireType = 0;
        if (_position >= _bytes.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        switch (wireType)
        {
            case 0:
                varint = ReadVarint();
                break;
            case 1:
                Skip(8);
                break;
            case 2:
                var length = ReadVarint();
                if (length > (ulong)(_bytes.Length - _position))
                {
                    throw Malformed();
                }

                payload = _bytes.Slice(_position, (int)length);
                _position += (int)length;
                break;
            case 5:
                Skip(4);
                break;
            default:
                throw Malformed();
        }

        return true;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _bytes.Length)
            {
                throw Malformed();
            }

            var b = _bytes[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed();
    }

    private void Skip(int count)
    {
        if (count > _bytes.Length - _position)
        {
            throw Malformed();
        }

        _position += count;
    }

    private static InvalidModelException Malformed() => new("The file is not a well-formed ONNX (protobuf) message.");
}
