using System.Buffers;
using System.Text.Json;
using Governance.Inference.Errors;

namespace Governance.Api.Anonymization;

/// <summary>
/// Rewrites the string values (at any depth: in arrays and objects) of an OIP "parameters" object.
/// The runtime does not pass parameters to the model, but they are part of the payload the audit trail
/// digests (and will store), and a client may put free text in them, so they are anonymized like BYTES
/// data. Names (the keys) are left alone: they are the protocol's and the client's vocabulary, and
/// rewriting them could merge two parameters into one.
/// </summary>
internal static class TensorAnonymizationParameters
{
    public const string Scope = "parameters";

    /// <summary>False, with <paramref name="rewritten"/> the same object, when no string changed.</summary>
    public static bool TryRewrite(IReadOnlyDictionary<string, JsonElement>? parameters, Func<string, (string Text, bool Changed)> rewrite,
        out IReadOnlyDictionary<string, JsonElement>? rewritten)
    {
        rewritten = parameters;
        if (parameters is null || parameters.Count == 0)
        {
            return false;
        }

        Dictionary<string, JsonElement>? copy = null;
        foreach (var (name, value) in parameters)
        {
            if (TryRewrite(value, rewrite, out var changedValue))
            {
                copy ??= new Dictionary<string, JsonElement>(parameters, StringComparer.Ordinal);
                copy[name] = changedValue;
            }
        }

        rewritten = copy ?? parameters;
        return copy is not null;
    }

    private static bool TryRewrite(JsonElement value, Func<string, (string Text, bool Changed)> rewrite, out JsonElement rewritten)
    {
        rewritten = value;
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Object))
        {
            return false;
        }

        var buffer = new ArrayBufferWriter<byte>();
        var changed = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, rewrite, ref changed);
        }

        if (!changed)
        {
            return false;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        rewritten = document.RootElement.Clone();
        return true;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, Func<string, (string Text, bool Changed)> rewrite, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, rewrite, ref changed);
                }

                writer.WriteEndArray();
                return;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, rewrite, ref changed);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.String:
                var result = rewrite(Decode(element));
                changed |= result.Changed;
                writer.WriteStringValue(result.Text);
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }

    private static string Decode(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // Text that cannot be decoded cannot be scanned: refuse the call rather than pass it on.
            throw new InferenceInputException(Scope, InferenceErrorCodes.InvalidElement, "parameters: a value is not valid Unicode text", ex);
        }
    }
}
