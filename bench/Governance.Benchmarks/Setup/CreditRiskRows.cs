using System.Text.Json;

namespace Governance.Benchmarks.Setup;

/// <summary>Deterministic credit-risk applicants, as floats for ONNX Runtime and as an OIP request body.</summary>
internal static class CreditRiskRows
{
    public const int Width = 4;

    /// <summary>income, debt_ratio, age, late_payments per row, from a fixed seed.</summary>
    public static float[] Features(int rows)
    {
        var random = new Random(20240601);
        var values = new float[rows * Width];
        for (var row = 0; row < rows; row++)
        {
            values[(row * Width) + 0] = random.Next(18_000, 160_000);
            values[(row * Width) + 1] = (float)Math.Round(random.NextDouble() * 0.9, 3);
            values[(row * Width) + 2] = random.Next(19, 80);
            values[(row * Width) + 3] = random.Next(0, 6);
        }

        return values;
    }

    /// <summary>The UTF-8 body a client would POST to /v2/models/credit-risk/infer.</summary>
    public static byte[] RequestJson(float[] features, int rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "bench-1");
            writer.WriteStartArray("inputs");
            writer.WriteStartObject();
            writer.WriteString("name", "applicant");
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(rows);
            writer.WriteNumberValue(Width);
            writer.WriteEndArray();
            writer.WriteString("datatype", "FP32");
            writer.WriteStartArray("data");
            foreach (var value in features)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
