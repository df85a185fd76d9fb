using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Inference.ExecutionProviders;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Hosting;

/// <summary>The session settings in Governance:Models reach the sessions, and a bad one stops the host naming its key.</summary>
[Collection(ApiCollection.Name)]
public sealed class InferenceSettingsTests(ApiFactory api)
{
    [Theory]
    [InlineData("IntraOpThreads", "-1")]
    [InlineData("CudaMemoryLimitBytes", "-4096")]
    public void OutOfRangeSetting_StopsTheHostNamingTheKey(string key, string value)
    {
        using var host = api.WithWebHostBuilder(b => b.UseSetting("Governance:Models:" + key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Governance:Models:" + key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IoBindingAndCudaSettings_AreBound_AndAutoServesOnCpuWithTheSameScores()
    {
        using var host = api.WithWebHostBuilder(b => b
            .UseSetting("Governance:Models:IoBinding", "true")
            .UseSetting("Governance:Models:CudnnConvAlgoSearch", "Heuristic")
            .UseSetting("Governance:Models:CudaMemoryLimitBytes", "1073741824")
            .UseSetting("Governance:Models:CpuMemoryArena", "false"));
        using var bound = host.CreateClient();
        bound.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(Roles.Tenant, "acme"));
        using var plain = api.ClientAs(Roles.Tenant, "acme");
        var body = new { inputs = new[] { new { name = "applicant", shape = new[] { 2, 4 }, datatype = "FP32", data = new[] { 50f, 0.3f, 35f, 1f, 20f, 0.9f, 22f, 0f } } } };

        var options = host.Services.GetRequiredService<InferenceOptions>();
        using var withBinding = await bound.PostAsJsonAsync("/v2/models/credit-risk/infer", body);
        using var without = await plain.PostAsJsonAsync("/v2/models/credit-risk/infer", body);

        Assert.True(options.IoBinding);
        Assert.Equal(CudnnConvAlgoSearch.Heuristic, options.CudnnConvAlgoSearch);
        Assert.Equal(1L << 30, options.CudaMemoryLimitBytes);
        Assert.False(options.CpuMemoryArena);
        Assert.True(host.Services.GetRequiredService<SessionFactory>().IoBinding);
        var expected = (await without.ReadJsonAsync()).GetProperty("outputs")[0];
        var actual = (await withBinding.ReadJsonAsync()).GetProperty("outputs")[0];
        Assert.Equal(expected.GetProperty("data").GetRawText(), actual.GetProperty("data").GetRawText());
        using var metadata = await bound.GetAsync("/v2/models/credit-risk");
        Assert.Equal(ExecutionProviderNames.Cpu, (await metadata.ReadJsonAsync()).GetProperty("execution_provider").GetString());
    }
}
