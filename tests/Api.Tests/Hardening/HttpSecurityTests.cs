using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Hardening;

/// <summary>Security headers on every answer, CORS closed unless configured, HTTPS redirection and HSTS when configured.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpSecurityTests(ApiFactory api)
{
    private const string Origin = "https://console.example";

    [Theory]
    [InlineData("/v2/health/live", HttpStatusCode.OK)]
    [InlineData("/api/v1/audit/entries", HttpStatusCode.Unauthorized)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    public async Task Answer_SuccessOrError_CarriesTheSecurityHeadersAndNoStore(string path, HttpStatusCode status)
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is off unless configured");
    }

    [Fact]
    public async Task Preflight_FromAnyOrigin_IsNotGranted_ByDefault()
    {
        using var client = api.CreateClient();

        using var response = await client.SendAsync(Preflight("http://localhost"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_CorsOriginIsGranted_OthersAreNot_HttpIsRedirected_AndHttpsCarriesHsts()
    {
        await using var host = api.WithWebHostBuilder(b => b
            .UseSetting("Governance:Http:CorsAllowedOrigins:0", Origin)
            .UseSetting("Governance:Http:HttpsRedirection", "true")
            .UseSetting("Governance:Http:HttpsPort", "443")
            .UseSetting("Governance:Http:Hsts", "true"));
        using var https = host.CreateClient(new() { BaseAddress = new Uri("https://api.example/"), AllowAutoRedirect = false });
        using var http = host.CreateClient(new() { BaseAddress = new Uri("http://api.example/"), AllowAutoRedirect = false });

        using var granted = await https.SendAsync(Preflight("https://api.example"));
        using var other = await https.SendAsync(Preflight("https://api.example", "https://evil.example"));
        using var redirected = await http.GetAsync("/v2/health/live");
        using var secure = await https.GetAsync("/v2/health/live");

        Assert.Equal(Origin, Header(granted, "Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://api.example/v2/health/live", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(secure, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string baseAddress, string origin = Origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, baseAddress + "/api/v1/models/support-intent/predict");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
