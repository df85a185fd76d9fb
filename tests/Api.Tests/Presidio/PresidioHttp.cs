using System.Net;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Presidio;

/// <summary>Posts bodies exactly as Presidio's e2e tests write them and compares answers as they do, but strictly.</summary>
internal static class PresidioHttp
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }

    /// <summary>
    /// Equal JSON, lists compared without order (as Presidio's equal_json_strings), every member of
    /// <paramref name="expected"/> present and equal; members Presidio's answer lacks and ours adds
    /// (recognition_metadata) are ignored.
    /// </summary>
    public static void AssertJsonEqual(string expected, JsonElement actual)
    {
        var want = Canonical(JsonDocument.Parse(expected).RootElement, "recognition_metadata");
        var got = Canonical(actual, "recognition_metadata");
        Assert.Equal(want, got);
    }

    public static string ErrorOf(JsonElement body) => body.GetProperty("error").GetString()!;

    private static string Canonical(JsonElement e, string ignored) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().Where(p => p.Name != ignored)
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + Canonical(p.Value, ignored))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(x => Canonical(x, ignored)).Order(StringComparer.Ordinal)) + "]",
        JsonValueKind.Number => e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => e.GetRawText(),
    };
}
