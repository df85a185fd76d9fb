using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Inference.Protocol;

/// <summary>Request JSON ⇄ <see cref="InferenceRequest"/>; reading goes through <see cref="ProtocolReader"/>.</summary>
public sealed class InferenceRequestJsonConverter : JsonConverter<InferenceRequest>
{
    public override InferenceRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProtocolReader.ReadRequest(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, InferenceRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Id is not null)
        {
            writer.WriteString("id", value.Id);
        }

        WriteParameters(writer, value.Parameters);
        writer.WriteStartArray("inputs");
        foreach (var input in value.Inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", input.Name);
            writer.WriteStartArray("shape");
            foreach (var dim in input.Shape)
            {
                writer.WriteNumberValue(dim);
            }

            writer.WriteEndArray();
            writer.WriteString("datatype", input.Datatype);
            WriteParameters(writer, input.Parameters);
            writer.WritePropertyName("data");
            input.Data.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (value.Outputs is not null)
        {
            writer.WriteStartArray("outputs");
            foreach (var output in value.Outputs)
            {
                writer.WriteStartObject();
                writer.WriteString("name", output.Name);
                WriteParameters(writer, output.Parameters);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    internal static void WriteParameters(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        if (parameters is null)
        {
            return;
        }

        writer.WriteStartObject("parameters");
        foreach (var (key, parameter) in parameters)
        {
            writer.WritePropertyName(key);
            parameter.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
