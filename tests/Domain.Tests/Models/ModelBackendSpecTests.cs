using Governance.Domain.Models;

namespace Governance.Domain.Tests.Models;

public sealed class ModelBackendSpecTests
{
    [Theory]
    [InlineData("http://triton:8000", null, null, null)]
    [InlineData("https://gpu-pool.internal/base/", "bert", "3", 250)]
    public void ARemoteSpec_WithAnHttpUrl_HasNoProblems(string url, string? model, string? version, int? timeoutMs)
    {
        var spec = new ModelBackendSpec("remote", url, model, version, timeoutMs);

        Assert.Empty(spec.Problems());
        Assert.True(spec.IsRemote);
    }

    [Theory]
    [InlineData("ftp://triton/")]
    [InlineData("triton:8000")]
    [InlineData("/v2/models")]
    [InlineData("http://user:secret@triton:8000")]
    [InlineData("http://triton:8000/?token=x")]
    [InlineData(null)]
    public void ARemoteSpec_WithoutAPlainHttpUrl_IsRefused(string? url)
    {
        Assert.Single(new ModelBackendSpec("remote", url).Problems());
    }

    [Theory]
    [InlineData("a/b", null, null)]
    [InlineData(null, "1?x", null)]
    [InlineData(null, null, 0)]
    [InlineData(null, null, 600_001)]
    public void RemoteNamesGoIntoAUrlPath_AndTheTimeoutIsBounded(string? model, string? version, int? timeoutMs)
    {
        Assert.Single(new ModelBackendSpec("remote", "http://triton:8000", model, version, timeoutMs).Problems());
    }

    [Fact]
    public void ALocalSpec_TakesNoRemoteFields_AndAnUnknownKindIsRefused()
    {
        Assert.Empty(new ModelBackendSpec("local").Problems());
        Assert.Single(new ModelBackendSpec("local", "http://triton:8000").Problems());
        Assert.Single(new ModelBackendSpec("Remote", "http://triton:8000").Problems());
        Assert.Equal(TimeSpan.FromMilliseconds(ModelBackendSpec.DefaultTimeoutMs), new ModelBackendSpec("remote", "http://t").Timeout);
    }
}
