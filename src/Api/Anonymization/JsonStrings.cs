using System.Buffers;
using System.Text.Json;
using Governance.Inference.Errors;

namespace Governance.Api.Anonymization;

/// <summary>
/// Rewrites the strings of the JSON an inference call carries and keeps everything else as sent: a BYTES
/// input's data (flat or nested arrays) and an OIP "parameters" object (string values at any depth, in
/// arrays and objects). The runtime does not pass parameters to the model, but they are part of the
/// payload the audit trail digests (and will store), and a client may put free text in them, so they are
/// anonymized like BYTES data. Names (the keys) are left alone: they are the protocol's and the client's
/// vocabulary, and rewriting them could merge two parameters into one.
/// </summary>
internal static class JsonStrings
{
    public const string ParametersScope = "parameters";

    /// <summary>A BYTES input's data; false, with the data untouched, when no string changed.</summary>
    public static bool TryRewriteData(string inputName, JsonElement data, Func<string, (string Text, bool Changed)> rewrite, out JsonElement rewritten) =>
        TryRewrite(data, rewrite, new Scope(inputName, $"input '{inputName}': an element", IntoObjects: false), out rewritten);

    /// <summary>A parameters object; false, with <paramref name="rewritten"/> the same object, when no string changed.</summary>
    public static bool TryRewriteParameters(IReadOnlyDictionary<string, JsonElement>? parameters, Func<string, (string Text, bool Changed)> rewrite,
        out IReadOnlyDictionary<string, JsonElement>? rewritten)
    {
        rewritten = parameters;
        if (parameters is null || parameters.Count == 0)
        {
            return false;
        }

        var scope = new Scope(ParametersScope, "parameters: a value", IntoObjects: true);
        Dictionary<string, JsonElement>? copy = null;
        foreach (var (name, value) in parameters)
        {
            if (TryRewrite(value, rewrite, scope, out var changedValue))
            {
                copy ??= new Dictionary<string, JsonElement>(parameters, StringComparer.Ordinal);
                copy[name] = changedValue;
            }
        }

        rewritten = copy ?? parameters;
        return copy is not null;
    }

    // Where the strings are (for the refusal of undecodable text) and whether objects hold text: a BYTES
    // input's objects are not text, so they pass as sent and the validator refuses them later.
    private sealed record Scope(string Name, string Element, bool IntoObjects);

    private static bool TryRewrite(JsonElement value, Func<string, (string Text, bool Changed)> rewrite, Scope scope, out JsonElement rewritten)
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
            Write(writer, value, rewrite, scope, ref changed);
        }

        if (!changed)
        {
            return false;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        rewritten = document.RootElement.Clone();
        return true;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, Func<string, (string Text, bool Changed)> rewrite, Scope scope, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, rewrite, scope, ref changed);
                }

                writer.WriteEndArray();
                return;
            case JsonValueKind.Object when scope.IntoObjects:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, rewrite, scope, ref changed);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.String:
                var result = rewrite(Decode(element, scope));
                changed |= result.Changed;
                writer.WriteStringValue(result.Text);
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }

    private static string Decode(JsonElement element, Scope scope)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // Text that cannot be decoded cannot be scanned, so it must reach neither the model nor the trail.
            throw new InferenceInputException(scope.Name, InferenceErrorCodes.InvalidElement, $"{scope.Element} is not valid Unicode text", ex);
        }
    }
}
