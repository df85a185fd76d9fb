using System.Text.Json;

namespace Governance.Inference.Tensors;

/// <summary>
/// Floating-point elements: finite JSON numbers within the type's range, or the strings "NaN",
/// "Infinity", "-Infinity" (JSON has no literal for them; responses write them the same way).
/// </summary>
internal static class FloatLiterals
{
    public const string NaN = "NaN";
    public const string PositiveInfinity = "Infinity";
    public const string NegativeInfinity = "-Infinity";

    public static bool TryRead(JsonElement element, out double value)
    {
        value = 0;
        if (element.ValueKind == JsonValueKind.Number)
        {
            // TryGetDouble turns 1e400 into infinity; a number that large is out of range, not infinite.
            return element.TryGetDouble(out value) && double.IsFinite(value);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (element.ValueEquals(NaN))
        {
            value = double.NaN;
        }
        else if (element.ValueEquals(PositiveInfinity))
        {
            value = double.PositiveInfinity;
        }
        else if (element.ValueEquals(NegativeInfinity))
        {
            value = double.NegativeInfinity;
        }
        else
        {
            return false;
        }

        return true;
    }
}

internal readonly struct Fp64Reader : IElementReader<double>
{
    public static string Expected => "a number (or \"NaN\", \"Infinity\", \"-Infinity\")";

    public static bool TryRead(JsonElement element, out double value) => FloatLiterals.TryRead(element, out value);
}

internal readonly struct Fp32Reader : IElementReader<float>
{
    public static string Expected => "a number within FP32 range (or \"NaN\", \"Infinity\", \"-Infinity\")";

    public static bool TryRead(JsonElement element, out float value)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            // Parsed as float directly: going through double first could round twice.
            return element.TryGetSingle(out value) && float.IsFinite(value);
        }

        var ok = FloatLiterals.TryRead(element, out var literal);
        value = (float)literal;
        return ok;
    }
}

internal readonly struct Fp16Reader : IElementReader<Half>
{
    public static string Expected => "a number within FP16 range [-65504, 65504] (or \"NaN\", \"Infinity\", \"-Infinity\")";

    public static bool TryRead(JsonElement element, out Half value)
    {
        var ok = FloatLiterals.TryRead(element, out var wide);
        value = (Half)wide;
        return ok && (Half.IsFinite(value) || !double.IsFinite(wide));
    }
}
