using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

public sealed class ModelHostTests
{
    private static LoadedModel Version(string version)
    {
        var demo = DemoModelFactory.Identity(TensorDataType.Int32, [-1]);
        return Models.Loader.Load(demo.OnnxBytes, ModelLoader.ComputeSha256(demo.OnnxBytes),
            demo.Manifest with { Name = "ident", Version = version }, CancellationToken.None);
    }

    [Fact]
    public void Host_ServesModelsByNameAndVersion()
    {
        using var host = new ModelHost(Models.CpuSessions);
        var v1 = Version("1");
        var v2 = Version("2");

        host.AddOrReplace(v2);
        host.AddOrReplace(v1);

        Assert.True(host.TryGet("ident", "2", out var got) && ReferenceEquals(got, v2));
        Assert.True(host.IsReady("ident", "1"));
        Assert.True(host.IsReady("ident"));
        Assert.False(host.IsReady("ident", "3"));
        Assert.False(host.IsReady("other"));
        Assert.Equal(["2", "1"], host.GetVersions("ident"));
        Assert.True(host.TryGetLatest("ident", out var latest) && ReferenceEquals(latest, v1));
        Assert.Equal(2, host.Snapshot().Count);
        Assert.Equal(ExecutionProviderNames.Cpu, host.ActiveExecutionProvider);
    }

    [Fact]
    public void Replace_DisposesThePreviousModel()
    {
        using var host = new ModelHost(Models.CpuSessions);
        var first = Version("1");
        var second = Version("1");

        host.AddOrReplace(first);
        host.AddOrReplace(second);

        Assert.True(first.IsDisposed);
        Assert.True(host.TryGet("ident", "1", out var current) && ReferenceEquals(current, second));
        Assert.Equal(1, host.Count);
    }

    [Fact]
    public void Remove_UnloadsAndDisposes()
    {
        using var host = new ModelHost(Models.CpuSessions);
        var model = Version("1");
        host.AddOrReplace(model);

        Assert.True(host.TryRemove("ident", "1"));

        Assert.True(model.IsDisposed);
        Assert.False(host.IsReady("ident", "1"));
        Assert.False(host.TryRemove("ident", "1"));
        Assert.Empty(host.GetVersions("ident"));
    }

    [Fact]
    public void Dispose_UnloadsEverything()
    {
        var host = new ModelHost(Models.CpuSessions);
        var model = Version("1");
        host.AddOrReplace(model);

        host.Dispose();

        Assert.True(model.IsDisposed);
        Assert.Equal(0, host.Count);
    }

    [Fact]
    public async Task ConcurrentAddGetRemove_StaysConsistent()
    {
        using var host = new ModelHost(Models.CpuSessions);
        var models = Enumerable.Range(0, 8).Select(i => Version(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        await Task.WhenAll(models.Select(m => Task.Run(() =>
        {
            host.AddOrReplace(m);
            Assert.True(host.TryGet(m.Name, m.Version, out _));
        })));
        Assert.Equal(8, host.GetVersions("ident").Count);

        await Task.WhenAll(models.Select(m => Task.Run(() => Assert.True(host.TryRemove(m.Name, m.Version)))));
        Assert.Equal(0, host.Count);
        Assert.All(models, m => Assert.True(m.IsDisposed));
    }
}
