using System.Net;
using System.Text.Json;

namespace Governance.Api.Tests.Infrastructure;

internal static class HttpAssertions
{
    /// <summary>
    /// Asserts an RFC 9457 problem with our stable code, and returns its JSON. On /v2 the same fields come
    /// as application/json with the protocol's "error" member, which is what protocol clients read.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ExpectedProblemMediaType(response), response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (IsOpenInferenceProtocol(response))
        {
            Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("error").GetString());
        }

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("https://governance.dev/problems/" + code, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> ReadProblemStatusAsync(this HttpResponseMessage response)
    {
        Assert.Equal(ExpectedProblemMediaType(response), response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static bool IsOpenInferenceProtocol(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/v2", StringComparison.Ordinal) == true;

    private static string ExpectedProblemMediaType(HttpResponseMessage response) =>
        IsOpenInferenceProtocol(response) ? "application/json" : "application/problem+json";
}
