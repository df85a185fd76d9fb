using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace Governance.BareOnnxServer;

/// <summary>
/// One session, one FP32 input and one FP32 output: the request's JSON tensor (flat or nested data) in,
/// the protocol's response out. Malformed input answers 400; no validation beyond what the parse needs.
/// </summary>
public sealed class BareModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputName;
    private readonly string[] _outputName;

    public BareModel(string path)
    {
        _session = new InferenceSession(path);
        _inputName = [_session.InputMetadata.Keys.Single()];
        _outputName = [_session.OutputMetadata.Keys.First()];
    }

    public async Task InferAsync(string name, HttpContext context)
    {
        float[] data;
        long[] shape;
        string? id;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var input = document.RootElement.GetProperty("inputs")[0];
            id = document.RootElement.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            shape = input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var values = new List<float>();
            Flatten(input.GetProperty("data"), values);
            data = [.. values];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var tensor = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputName, [tensor], _outputName);
        var output = outputs[0];
        var outputShape = output.GetTensorTypeAndShape().Shape;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("model_name", name);
        writer.WriteString("id", id);
        writer.WriteStartArray("outputs");
        writer.WriteStartObject();
        writer.WriteString("name", _outputName[0]);
        writer.WriteString("datatype", "FP32");
        writer.WriteStartArray("shape");
        foreach (var dimension in outputShape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        foreach (var value in output.GetTensorDataAsSpan<float>())
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void Dispose() => _session.Dispose();

    private static void Flatten(JsonElement element, List<float> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Flatten(item, values);
            }
        }
        else
        {
            values.Add(element.GetSingle());
        }
    }
}
