using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Inference.Tensors;

namespace Governance.Inference.Protocol;

/// <summary>A tensor object {name, shape, datatype, data}; reading checks data exactly as for requests.</summary>
public sealed class NamedTensorJsonConverter : JsonConverter<NamedTensor>
{
    public override NamedTensor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var input = RequestInputReader.Read(JsonElement.ParseValue(ref reader), 0);
        return RequestInputDecoding.Decode(input, RequestInputDecoding.ParseDatatype(input), RequestInputDecoding.ParseShape(input));
    }

    public override void Write(Utf8JsonWriter writer, NamedTensor value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteStartArray("shape");
        foreach (var dim in value.Shape)
        {
            writer.WriteNumberValue(dim);
        }

        writer.WriteEndArray();
        writer.WriteString("datatype", DataTypes.ToWire(value.DataType));
        writer.WritePropertyName("data");
        JsonTensorWriter.WriteData(writer, value.DataType, value.Data);
        writer.WriteEndObject();
    }
}
