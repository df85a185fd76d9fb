using System.Text;
using System.Text.Json;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tensors;

namespace Governance.Inference.Remote;

/// <summary>
/// The wire side of a remote call: the request we send (the validated tensors, not the client's raw JSON) and
/// the checks on what comes back. A backend that answers something the manifest does not promise is a
/// backend fault (<see cref="ModelBackendException"/>), never passed on to the client.
/// </summary>
internal static class RemoteProtocol
{
    public static byte[] WriteRequest(string? id, ValidatedRequest validated)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WritePropertyName("inputs");
            JsonSerializer.Serialize(writer, validated.Inputs, OipJson.Options);
            writer.WriteStartArray("outputs");
            foreach (var name in validated.OutputNames)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, long limit, string backend, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(backend, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(backend, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static NamedTensor[] ReadOutputs(byte[] body, ModelManifest manifest, IReadOnlyList<string> requested, string backend)
    {
        InferenceResponse? response;
        try
        {
            response = JsonSerializer.Deserialize<InferenceResponse>(body, OipJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InferenceInputException or ArgumentException)
        {
            throw BadResponse(backend, $"its response is not a valid inference response: {ex.Message}", ex);
        }

        var outputs = response?.Outputs ?? throw BadResponse(backend, "its response has no outputs");
        var result = new NamedTensor[requested.Count];
        foreach (var output in outputs)
        {
            var slot = IndexOf(requested, output.Name);
            var spec = manifest.Outputs.FirstOrDefault(o => o.Name == output.Name);
            if (slot < 0 || spec is null || result[slot] is not null)
            {
                throw BadResponse(backend, $"it answered output '{output.Name}', which was not asked for (or twice)");
            }

            if (spec.DataType != output.DataType || !Fits(spec.Shape, output.Shape))
            {
                throw BadResponse(backend,
                    $"output '{output.Name}' is {DataTypes.ToWire(output.DataType)} {TensorShape.Format(output.Shape)}; the manifest declares {DataTypes.ToWire(spec.DataType)} {TensorShape.Format([.. spec.Shape])}");
            }

            result[slot] = output;
        }

        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] is null)
            {
                throw BadResponse(backend, $"its response lacks output '{requested[i]}'");
            }
        }

        return result;
    }

    /// <summary>The backend's own message: the protocol's {"error": "..."}, or the start of whatever it sent.</summary>
    public static string ErrorText(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return Clip(error.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not JSON: quote its start.
        }

        return body.Length == 0 ? "(no body)" : Clip(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600)));
    }

    public static ModelSignature ReadSignature(byte[] body, string backend)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return new ModelSignature(Specs(json.RootElement.GetProperty("inputs")), Specs(json.RootElement.GetProperty("outputs")));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw BadResponse(backend, $"its model metadata cannot be read: {ex.Message}", ex);
        }
    }

    private static TensorSpec[] Specs(JsonElement tensors)
    {
        var specs = new List<TensorSpec>();
        foreach (var tensor in tensors.EnumerateArray())
        {
            var datatype = tensor.GetProperty("datatype").GetString();
            if (!DataTypes.TryParseWire(datatype, out var type))
            {
                throw new FormatException($"datatype '{datatype}' is not a protocol datatype");
            }

            var shape = new List<long>();
            foreach (var dim in tensor.GetProperty("shape").EnumerateArray())
            {
                shape.Add(dim.GetInt64() < 0 ? -1 : dim.GetInt64());
            }

            specs.Add(new TensorSpec(tensor.GetProperty("name").GetString() ?? "", type, shape));
        }

        return [.. specs];
    }

    private static bool Fits(IReadOnlyList<long> declared, long[] actual)
    {
        if (declared.Count != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (declared[i] >= 0 && declared[i] != actual[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Clip(string text) => text.Length <= 500 ? text : text[..500] + "...";

    private static ModelBackendException BadResponse(string backend, string what, Exception? inner = null) =>
        new(backend, ModelBackendException.BadResponse, $"The model backend {backend} misbehaved: {what}.", inner);

    private static ModelBackendException TooLarge(string backend, long limit) =>
        BadResponse(backend, $"its response is larger than {limit} bytes");
}
