using System.Buffers;
using System.Text.Json;
using Governance.Inference.Errors;

namespace Governance.Api.Anonymization;

/// <summary>Rewrites the strings of a BYTES input's JSON data (flat or nested) and keeps everything else as sent.</summary>
internal static class BytesJson
{
    /// <summary>False, with the data untouched, when no string changed.</summary>
    public static bool TryRewrite(string inputName, JsonElement data, Func<string, (string Text, bool Changed)> rewrite, out JsonElement rewritten)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var changed = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, inputName, data, rewrite, ref changed);
        }

        if (!changed)
        {
            rewritten = data;
            return false;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        rewritten = document.RootElement.Clone();
        return true;
    }

    private static void Write(Utf8JsonWriter writer, string inputName, JsonElement element,
        Func<string, (string Text, bool Changed)> rewrite, ref bool changed)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in element.EnumerateArray())
            {
                Write(writer, inputName, item, rewrite, ref changed);
            }

            writer.WriteEndArray();
            return;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            element.WriteTo(writer); // not text; the validator refuses it later
            return;
        }

        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // Text that cannot be decoded cannot be scanned, so it must reach neither the model nor the trail.
            throw new InferenceInputException(inputName, InferenceErrorCodes.InvalidElement,
                $"input '{inputName}': an element is not valid Unicode text", ex);
        }

        var result = rewrite(text);
        changed |= result.Changed;
        writer.WriteStringValue(result.Text);
    }
}
