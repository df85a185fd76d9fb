using Governance.DemoModels;
using Governance.Inference.Errors;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

/// <summary>ONNX external data would let a model read any file the server can read (issue 11).</summary>
public sealed class ExternalDataTests : IDisposable
{
    private readonly string _secret = Path.Combine(Directory.CreateTempSubdirectory("governance-external-").FullName, "secret.bin");

    public ExternalDataTests() => File.WriteAllBytes(_secret, new byte[16]);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_secret)!, recursive: true);

    [Fact]
    public void Load_AModelWhoseInitializerPointsAtAServerFile_RefusesBeforeOnnxRuntimeReadsIt()
    {
        var model = DemoModelFactory.AddConstant("external", _secret);

        var refused = Assert.Throws<ModelExternalDataException>(() => Models.Load(model));
        Assert.Contains("'w'", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ModelExternalDataException>(() => ModelLoader.Inspect(model.OnnxBytes));
    }

    [Theory]
    [InlineData(".dev/signing-key.pem")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public void Find_NamesTheExternalTensor_WhateverTheLocation(string location) =>
        Assert.Equal("w", ExternalDataScan.Find(DemoModelFactory.AddConstant("external", location).OnnxBytes));

    [Fact]
    public void Load_TheSameModelWithInlineData_Runs()
    {
        var model = DemoModelFactory.AddConstant("inline", externalLocation: null);

        using var loaded = Models.Load(model);

        Assert.Null(ExternalDataScan.Find(model.OnnxBytes));
        Assert.Null(ExternalDataScan.Find(Models.CreditRisk.OnnxBytes));
        Assert.Null(ExternalDataScan.Find(Models.SupportIntent.OnnxBytes));
    }

    [Fact]
    public void Find_OnTruncatedBytes_IsAnInvalidModelNotACrash()
    {
        var bytes = DemoModelFactory.AddConstant("cut", externalLocation: null).OnnxBytes;

        Assert.Throws<InvalidModelException>(() => ExternalDataScan.Find(bytes.AsSpan(0, bytes.Length - 3)));
    }
}
