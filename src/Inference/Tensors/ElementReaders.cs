using System.Text.Json;
using Governance.Inference.Protocol;

namespace Governance.Inference.Tensors;

/// <summary>
/// Reads one JSON element as one tensor element, refusing anything that is not exactly that:
/// static abstract members let the decoder loop be specialised per type, without boxing or delegates.
/// </summary>
internal interface IElementReader<T>
{
    /// <summary>What a valid element looks like, for the error message.</summary>
    static abstract string Expected { get; }

    static abstract bool TryRead(JsonElement element, out T value);
}

internal readonly struct BoolReader : IElementReader<bool>
{
    public static string Expected => "true or false";

    public static bool TryRead(JsonElement element, out bool value)
    {
        value = element.ValueKind == JsonValueKind.True;
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }
}

internal readonly struct UInt8Reader : IElementReader<byte>
{
    public static string Expected => "an integer in [0, 255]";

    public static bool TryRead(JsonElement element, out byte value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetByte(out value);
    }
}

internal readonly struct UInt16Reader : IElementReader<ushort>
{
    public static string Expected => "an integer in [0, 65535]";

    public static bool TryRead(JsonElement element, out ushort value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt16(out value);
    }
}

internal readonly struct UInt32Reader : IElementReader<uint>
{
    public static string Expected => "an integer in [0, 4294967295]";

    public static bool TryRead(JsonElement element, out uint value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out value);
    }
}

internal readonly struct UInt64Reader : IElementReader<ulong>
{
    public static string Expected => "an integer in [0, 18446744073709551615]";

    public static bool TryRead(JsonElement element, out ulong value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out value);
    }
}

internal readonly struct Int8Reader : IElementReader<sbyte>
{
    public static string Expected => "an integer in [-128, 127]";

    public static bool TryRead(JsonElement element, out sbyte value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetSByte(out value);
    }
}

internal readonly struct Int16Reader : IElementReader<short>
{
    public static string Expected => "an integer in [-32768, 32767]";

    public static bool TryRead(JsonElement element, out short value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt16(out value);
    }
}

internal readonly struct Int32Reader : IElementReader<int>
{
    public static string Expected => "an integer in [-2147483648, 2147483647]";

    public static bool TryRead(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }
}

internal readonly struct Int64Reader : IElementReader<long>
{
    public static string Expected => "an integer in [-9223372036854775808, 9223372036854775807]";

    public static bool TryRead(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}

internal readonly struct BytesReader : IElementReader<string>
{
    public static string Expected => "a string of valid Unicode text";

    public static bool TryRead(JsonElement element, out string value)
    {
        var ok = JsonText.TryGetString(element, out var text);
        value = text ?? string.Empty;
        return ok;
    }
}
