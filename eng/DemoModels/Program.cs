using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Governance.DemoModels;

// Usage: dotnet run --project eng/DemoModels -- --out DIR
// Writes DIR/<name>/<version>/model.onnx and manifest.json for each demo model.
var outIndex = Array.IndexOf(args, "--out");
if (outIndex < 0 || outIndex + 1 >= args.Length)
{
    await Console.Error.WriteLineAsync("usage: Governance.DemoModels --out DIR").ConfigureAwait(false);
    return 2;
}

var root = args[outIndex + 1];
foreach (var model in new[] { DemoModelFactory.SupportIntentClassifier(), DemoModelFactory.CreditRiskScorer() })
{
    var directory = Path.Combine(root, model.Manifest.Name, model.Manifest.Version);
    Directory.CreateDirectory(directory);
    await File.WriteAllBytesAsync(Path.Combine(directory, "model.onnx"), model.OnnxBytes).ConfigureAwait(false);
    var manifest = JsonSerializer.SerializeToUtf8Bytes(model.Manifest, DemoModelJson.Options);
    await File.WriteAllBytesAsync(Path.Combine(directory, "manifest.json"), manifest).ConfigureAwait(false);

    Console.WriteLine($"{model.Manifest.Name}/{model.Manifest.Version} -> {directory}");
    Console.WriteLine($"  sha256 {Convert.ToHexStringLower(SHA256.HashData(model.OnnxBytes))}");
    foreach (var (metric, value) in model.Metrics)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metric} = {value:0.####}"));
    }
}

return 0;
