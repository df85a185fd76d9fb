using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

public sealed class ModelLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("governance-inference-").FullName;

    [Fact]
    public async Task LoadAsync_WithMatchingDigest_LoadsAndRecordsIt()
    {
        var demo = Models.CreditRisk;
        var path = Write(demo.OnnxBytes);
        var digest = ModelLoader.ComputeSha256(demo.OnnxBytes);

        using var model = await Models.Loader.LoadAsync(path, digest.ToUpperInvariant(), demo.Manifest, CancellationToken.None);

        Assert.Equal(digest, model.Sha256);
        Assert.Equal(demo.Manifest, model.Manifest);
    }

    [Fact]
    public async Task LoadAsync_TamperedFile_IsRefusedNamingBothDigests()
    {
        var demo = Models.CreditRisk;
        var expected = ModelLoader.ComputeSha256(demo.OnnxBytes);
        var tampered = (byte[])demo.OnnxBytes.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var path = Write(tampered);

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => Models.Loader.LoadAsync(path, expected, demo.Manifest, CancellationToken.None));

        var actual = ModelLoader.ComputeSha256(tampered);
        Assert.Equal((expected, actual), (error.ExpectedSha256, error.ActualSha256));
        Assert.Contains($"expected SHA-256 {expected}, actual {actual}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeSha256_MatchesKnownVector() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelLoader.ComputeSha256("abc"u8));

    [Fact]
    public void Load_AcceptsPrefixedDigest()
    {
        var demo = DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 2]);

        using var model = Models.Loader.Load(demo.OnnxBytes, "sha256:" + ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);

        Assert.False(model.IsDisposed);
    }

    public static TheoryData<string, ModelManifest> Mismatches()
    {
        var m = Models.CreditRisk.Manifest;
        var input = m.Inputs[0];
        var output = m.Outputs[0];
        return new()
        {
            { "applicant", m with { Inputs = [input with { DataType = TensorDataType.Fp64 }] } },
            { "applicant", m with { Inputs = [input with { Shape = [-1, 5] }] } },
            { "applicant", m with { Inputs = [input with { Shape = [-1, -1] }] } },
            { "applicant", m with { Inputs = [input with { Shape = [-1] }] } },
            { "applicant", m with { Inputs = [] } },
            { "features", m with { Inputs = [input, new TensorSpec("features", TensorDataType.Fp32, [-1, 4])] } },
            { "applicant", m with { Inputs = [input, input] } },
            { "score", m with { Outputs = [output with { Name = "score" }] } },
            { "default_probability", m with { Outputs = [output with { Shape = [-1, 2] }] } },
            { "default_probability", m with { Outputs = [output with { DataType = TensorDataType.Int64 }] } },
        };
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Load_ManifestThatDisagreesWithTheGraph_IsRefusedNamingTheTensor(string tensor, ModelManifest manifest)
    {
        var bytes = Models.CreditRisk.OnnxBytes;

        var error = Assert.Throws<ModelManifestMismatchException>(() =>
            Models.Loader.Load(bytes, ModelLoader.ComputeSha256(bytes), manifest, CancellationToken.None));

        Assert.Equal(tensor, error.TensorName);
        Assert.Contains($"'{tensor}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NarrowerFixedDimInManifest_IsAccepted()
    {
        var demo = Models.CreditRisk;
        var manifest = demo.Manifest with { Inputs = [demo.Manifest.Inputs[0] with { Shape = [8, 4] }] };

        using var model = Models.Loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes), manifest, CancellationToken.None);

        Assert.Equal([8L, 4L], model.Manifest.Inputs[0].Shape);
    }

    [Fact]
    public void Inspect_ReportsDeclaredTensors()
    {
        var demo = Models.SupportIntent;

        var signature = ModelLoader.Inspect(demo.OnnxBytes);

        Assert.Equal(demo.Manifest.Inputs[0].Name, Assert.Single(signature.Inputs).Name);
        Assert.Equal(demo.Manifest.Inputs[0].Shape, signature.Inputs[0].Shape);
        Assert.Equal(TensorDataType.Fp32, signature.Outputs[0].DataType);
        Assert.Equal(demo.Manifest.Outputs[0].Shape, signature.Outputs[0].Shape);
    }

    [Fact]
    public void Inspect_NotAModel_IsInvalidModel() =>
        Assert.Throws<InvalidModelException>(() => ModelLoader.Inspect("definitely not onnx"u8.ToArray()));

    [Fact]
    public void Load_NotAModel_IsInvalidModel()
    {
        var bytes = "definitely not onnx"u8.ToArray();
        var manifest = Models.CreditRisk.Manifest;

        Assert.Throws<InvalidModelException>(() => Models.Loader.Load(bytes, ModelLoader.ComputeSha256(bytes), manifest, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, "model.onnx");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
