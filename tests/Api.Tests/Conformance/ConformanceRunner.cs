using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.ModelStore;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Wire;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Runtime;

namespace Governance.Api.Tests.Conformance;

/// <summary>What happened to one ONNX backend test model on the real HTTP path.</summary>
internal sealed record ConformanceResult(string Model, string Outcome, string Detail)
{
    public const string Matched = "matched", Mismatched = "mismatched", NotInferred = "not inferred", NotRegistered = "not registered";
}

/// <summary>
/// Runs a Debian libonnx-testdata model dir through the front door: register (admin API), license,
/// infer (binary tensor extension, as tritonclient sends), compare with the reference outputs.
/// </summary>
internal sealed class ConformanceRunner(HttpClient admin, HttpClient tenant, string tenantId)
{
    public const string DataRoot = "/usr/share/libonnx-testdata/data";

    private const double RelativeTolerance = 1e-3, AbsoluteTolerance = 1e-5;

    public static IReadOnlyList<string> AllModels() => Directory.Exists(DataRoot)
        ? [.. Directory.EnumerateFiles(DataRoot, "model.onnx", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OfType<string>()
            .Order(StringComparer.Ordinal)]
        : [];

    public async Task<ConformanceResult> RunAsync(string dir, int index)
    {
        var label = Path.GetRelativePath(DataRoot, dir);
        var onnx = await File.ReadAllBytesAsync(Path.Combine(dir, "model.onnx"));
        ModelSignature signature;
        try
        {
            signature = ModelLoader.Inspect(onnx);
        }
        catch (InvalidModelException ex)
        {
            return new(label, ConformanceResult.NotRegistered, "no manifest can describe it: " + ex.Message);
        }

        var name = "onnx-" + index.ToString("D4", CultureInfo.InvariantCulture);
        var manifest = new ModelManifest(name, "1", "conformance", [label.Length <= 100 ? label : label[..100]], signature.Inputs, signature.Outputs, []);
        using (var registered = await admin.PostAsync("/api/v1/models", Seeder.RegistrationForm(onnx, JsonSerializer.Serialize(manifest, ManifestJson.Options))))
        {
            if (registered.StatusCode != HttpStatusCode.Created)
            {
                return new(label, ConformanceResult.NotRegistered, await ReasonAsync(registered));
            }
        }

        using (var license = await admin.PostAsJsonAsync($"/api/v1/tenants/{tenantId}/licenses", new { model = name }))
        {
            license.EnsureSuccessStatusCode();
        }

        var dataSet = Path.Combine(dir, "test_data_set_0");
        var inputs = Files(dataSet, "input_").Select(TensorProtoFile.Read).ToArray();
        var expected = Files(dataSet, "output_").Select(TensorProtoFile.Read).ToArray();
        if (inputs.Length != signature.Inputs.Count)
        {
            return new(label, ConformanceResult.NotInferred, $"the test data gives {inputs.Length} of the graph's {signature.Inputs.Count} inputs (optional inputs left out)");
        }

        if (inputs.Concat(expected).FirstOrDefault(t => t.DataType is null) is { } unsupported)
        {
            return new(label, ConformanceResult.NotInferred, $"tensor '{unsupported.Name}' has ONNX type {unsupported.OnnxType}, which no protocol datatype carries");
        }

        using var request = WireModels.BinaryRequest($"/v2/models/{name}/infer", Header(signature, inputs), [.. inputs.SelectMany(i => i.Binary)]);
        using var response = await tenant.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new(label, ConformanceResult.NotInferred, $"{(int)response.StatusCode}: {await ReasonAsync(response)}");
        }

        var (header, binary) = await WireModels.ReadBinaryAsync(response);
        var mismatch = Compare(signature, header.GetProperty("outputs"), binary, expected);
        return mismatch is null ? new(label, ConformanceResult.Matched, "") : new(label, ConformanceResult.Mismatched, mismatch);
    }

    private static object Header(ModelSignature signature, TensorProtoFile[] inputs) => new
    {
        inputs = inputs.Select((t, i) => new
        {
            name = signature.Inputs.Any(s => s.Name == t.Name) ? t.Name : signature.Inputs[i].Name,
            shape = t.Dims,
            datatype = Governance.Inference.Tensors.DataTypes.ToWire(t.DataType!.Value),
            parameters = new { binary_data_size = t.Binary.Length },
        }).ToArray(),
        parameters = new { binary_data_output = true },
    };

    private static string? Compare(ModelSignature signature, JsonElement outputs, byte[] binary, TensorProtoFile[] expected)
    {
        var offsets = new Dictionary<string, (JsonElement Output, int Offset, int Size)>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var output in outputs.EnumerateArray())
        {
            var size = output.GetProperty("parameters").GetProperty("binary_data_size").GetInt32();
            offsets[output.GetProperty("name").GetString()!] = (output, offset, size);
            offset += size;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var want = expected[i];
            var name = offsets.ContainsKey(want.Name) ? want.Name : signature.Outputs[i].Name;
            var (output, start, size) = offsets[name];
            var shape = output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (!shape.SequenceEqual(want.Dims))
            {
                return $"output '{name}': shape [{string.Join(',', shape)}], expected [{string.Join(',', want.Dims)}]";
            }

            var actual = TensorProtoFile.Elements(want.DataType!.Value, binary.AsSpan(start, size));
            var reference = TensorProtoFile.Elements(want.DataType.Value, want.Binary);
            for (var e = 0; e < reference.Length; e++)
            {
                if (!Close(actual[e], reference[e]))
                {
                    return $"output '{name}' element {e}: {actual[e]}, expected {reference[e]}";
                }
            }
        }

        return null;
    }

    private static bool Close(object actual, object expected) => (actual, expected) switch
    {
        (double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || a == b || Math.Abs(a - b) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(b)),
        _ => Equals(actual, expected),
    };

    private static IEnumerable<string> Files(string dir, string prefix) =>
        Directory.EnumerateFiles(dir, prefix + "*.pb").OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[prefix.Length..], CultureInfo.InvariantCulture));

    private static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            var json = JsonDocument.Parse(text).RootElement;
            return json.TryGetProperty("detail", out var detail) ? detail.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
