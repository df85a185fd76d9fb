using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFactory api)
{
    [Fact]
    public async Task Live_Returns200WithoutAuthentication()
    {
        using var client = api.CreateClient();

        var body = await (await client.GetAsync("/v2/health/live")).ReadJsonAsync();

        Assert.True(body.GetProperty("live").GetBoolean());
    }

    [Fact]
    public async Task Ready_ReportsTheDatabaseAndTheExecutionProviderInUse()
    {
        using var client = api.CreateClient();

        var body = await (await client.GetAsync("/v2/health/ready")).ReadJsonAsync();

        Assert.True(body.GetProperty("ready").GetBoolean());
        Assert.True(body.GetProperty("database").GetBoolean());
        Assert.Equal("CPUExecutionProvider", body.GetProperty("executionProvider").GetString());
        var byProvider = body.GetProperty("modelsByExecutionProvider");
        Assert.Equal(body.GetProperty("modelsLoaded").GetInt32(), byProvider.GetProperty("CPUExecutionProvider").GetInt32());
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemDetails()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/v1/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheProtocolAndOurEndpoints()
    {
        using var client = api.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v2/models/{model}/infer", out _));
        Assert.True(paths.TryGetProperty("/api/v1/models/{model}/predict", out _));
        Assert.True(paths.TryGetProperty("/connect/token", out _));
    }
}
