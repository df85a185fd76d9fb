using Governance.Domain.Models;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Governance.Inference.Tests.Runtime;

/// <summary>
/// all-MiniLM-L6-v2 served by our tokenizer, batching and pooling, checked against a reference computed
/// another way: tokens written by hand from vocab.txt, a session of its own through ONNX Runtime's
/// NamedOnnxValue API, pooling and normalization in double precision.
/// </summary>
public sealed class TextEncoderTests
{
    private static readonly (string Text, string[] Tokens)[] Sentences =
    [
        ("A man is playing a guitar.", ["a", "man", "is", "playing", "a", "guitar", "."]),
        ("The new movie is awesome!", ["the", "new", "movie", "is", "awesome", "!"]),
        ("I can't log in to my account", ["i", "can", "'", "t", "log", "in", "to", "my", "account"]),
        ("Unaffable clerks, café prices.", ["una", "##ffa", "##ble", "clerks", ",", "cafe", "prices", "."]),
    ];

    private static readonly Lazy<InferenceSession> ReferenceSession = new(() => new InferenceSession(MiniLmModel.OnnxBytes));

    [Fact]
    public async Task Embed_MatchesIndependentReference()
    {
        var encoder = new TextEncoder(MiniLmModel.Model);
        var embeddings = await encoder.EmbedAsync([.. Sentences.Select(s => s.Text)], CancellationToken.None);
        for (var i = 0; i < Sentences.Length; i++)
        {
            var ids = Sentences[i].Tokens.Select(MiniLmModel.Id).Prepend(MiniLmModel.Id("[CLS]")).Append(MiniLmModel.Id("[SEP]")).ToArray();
            Assert.Equal(ids, encoder.Tokenizer.Encode(Sentences[i].Text));
            var cosine = Cosine(Reference(ids), embeddings.Vectors[i]);
            Assert.True(cosine >= 0.999, $"'{Sentences[i].Text}': cosine {cosine} to the reference");
        }

        Assert.Equal(Sentences.Sum(s => s.Tokens.Length + 2), embeddings.TokenCount);
    }

    [Fact]
    public async Task Embed_IsUnitLengthAndSimilarSentencesAreCloser()
    {
        var encoder = new TextEncoder(MiniLmModel.Model);
        var v = (await encoder.EmbedAsync(
            ["A man is playing a guitar.", "Someone is playing an instrument.", "The stock market fell sharply today."],
            CancellationToken.None)).Vectors;
        Assert.All(v, x => Assert.Equal(MiniLmDimensions, x.Length));
        Assert.All(v, x => Assert.InRange(Math.Sqrt(x.Sum(f => (double)f * f)), 0.9999, 1.0001));
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2, $"similar {Cosine(v[0], v[1])}, unrelated {Cosine(v[0], v[2])}");
    }

    [Fact]
    public async Task Embed_PaddingBesideALongerRow_DoesNotChangeTheVector()
    {
        var encoder = new TextEncoder(MiniLmModel.Model);
        var alone = (await encoder.EmbedAsync(["Short one."], CancellationToken.None)).Vectors[0];
        var padded = (await encoder.EmbedAsync(["Short one.", "A much longer sentence that forces the first row to carry padding tokens."], CancellationToken.None)).Vectors[0];
        Assert.True(Cosine(alone, padded) >= 0.99999, $"cosine {Cosine(alone, padded)}");
    }

    [Fact]
    public async Task Embed_ConcurrentCallsOnABatchedModel_RunOnceAndMatchUnbatched()
    {
        const int Callers = 16;
        using var batched = MiniLmModel.Load(new BatchingSpec(Callers, 30_000_000));
        var encoder = new TextEncoder(batched);
        var texts = Enumerable.Range(0, Callers).Select(i => $"Request number {i} asks about invoice {i * 7}.").ToArray();
        var before = batched.SessionRuns;
        var results = await Task.WhenAll(texts.Select(t => Task.Run(() => encoder.EmbedAsync([t], CancellationToken.None))));
        Assert.Equal(1, batched.SessionRuns - before);
        Assert.Equal(1, encoder.Batches);
        var unbatched = (await new TextEncoder(MiniLmModel.Model).EmbedAsync(texts, CancellationToken.None)).Vectors;
        for (var i = 0; i < Callers; i++)
        {
            Assert.True(Cosine(unbatched[i], results[i].Vectors[0]) >= 0.99999, $"caller {i}");
        }
    }

    [Fact]
    public void Problems_ModelWithoutTokenStates_IsRefused()
    {
        var manifest = MiniLmModel.Manifest(null);
        var pooledOnly = manifest with { Outputs = [manifest.Outputs[1]] };
        Assert.Contains(TextEncoder.Problems(pooledOnly), p => p.Contains("token states", StringComparison.Ordinal));
        Assert.Contains(TextEncoder.Problems(manifest with { Encoder = null }), p => p.Contains("no encoder", StringComparison.Ordinal));
        Assert.Empty(TextEncoder.Problems(manifest));
    }

    private const int MiniLmDimensions = 384;

    private static double[] Reference(int[] ids)
    {
        var n = ids.Length;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.Select(i => (long)i).ToArray(), [1, n])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), [1, n])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], [1, n])),
        };
        using var results = ReferenceSession.Value.Run(inputs, ["last_hidden_state"]);
        var states = results[0].AsTensor<float>();
        var mean = new double[MiniLmDimensions];
        for (var t = 0; t < n; t++)
        {
            for (var d = 0; d < MiniLmDimensions; d++)
            {
                mean[d] += states[0, t, d] / (double)n;
            }
        }

        var norm = Math.Sqrt(mean.Sum(x => x * x));
        return [.. mean.Select(x => x / norm)];
    }

    private static double Cosine(IReadOnlyList<double> a, IReadOnlyList<float> b) =>
        Enumerable.Range(0, a.Count).Sum(i => a[i] * b[i]) / Math.Sqrt(a.Sum(x => x * x)) / Math.Sqrt(b.Sum(x => (double)x * x));

    private static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b) => Cosine([.. a.Select(x => (double)x)], b);
}
