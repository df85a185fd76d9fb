using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Governance.Inference.Protocol;

/// <summary>
/// String access that cannot throw: the JSON reader accepts invalid UTF-8 and lone surrogate escapes
/// inside strings, and only transcoding them (GetString, JsonProperty.Name) throws.
/// </summary>
internal static class JsonText
{
    public static bool TryGetString(JsonElement element, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static bool TryGetName(JsonProperty property, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }

    /// <summary>Collects the known properties of an object without transcoding any name; returns the first one given twice.</summary>
    public static string? Collect(JsonElement obj, string[] names, JsonElement[] slots)
    {
        string? duplicate = null;
        foreach (var property in obj.EnumerateObject())
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (!property.NameEquals(names[i]))
                {
                    continue;
                }

                if (slots[i].ValueKind != JsonValueKind.Undefined)
                {
                    duplicate ??= names[i];
                }

                slots[i] = property.Value;
                break;
            }
        }

        return duplicate;
    }
}
