using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiFactory api)
{
    public enum BadToken
    {
        Expired,
        WrongIssuer,
        WrongAudience,
        WrongKey,
        AlgNone,
        Garbage,
    }

    [Theory]
    [InlineData(BadToken.Expired, "expired")]
    [InlineData(BadToken.WrongIssuer, "issuer")]
    [InlineData(BadToken.WrongAudience, "audience")]
    [InlineData(BadToken.WrongKey, "signature")]
    [InlineData(BadToken.AlgNone, "")]
    [InlineData(BadToken.Garbage, "")]
    public async Task Predict_WithBadToken_Returns401AndAuditsTheRefusal(BadToken kind, string reason)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Make(kind));
        var audit = await api.AuditCountAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(audit + 1, await api.AuditCountAsync());
        var sequence = problem.GetProperty("auditSequence").GetInt64();
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM audit_entries WHERE sequence = {sequence} AND status_code = 401 AND actor_id = 'anonymous'"));
    }

    [Fact]
    public async Task Predict_WithoutToken_Returns401()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_WithAValidToken_IsAccepted()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(Valid(), LocalKey()));

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string Make(BadToken kind)
    {
        var descriptor = Valid();
        switch (kind)
        {
            case BadToken.Expired:
                descriptor.NotBefore = DateTime.UtcNow.AddHours(-2);
                descriptor.IssuedAt = DateTime.UtcNow.AddHours(-2);
                descriptor.Expires = DateTime.UtcNow.AddHours(-1);
                return Sign(descriptor, LocalKey());
            case BadToken.WrongIssuer:
                descriptor.Issuer = "https://evil.example";
                return Sign(descriptor, LocalKey());
            case BadToken.WrongAudience:
                descriptor.Audience = "some-other-api";
                return Sign(descriptor, LocalKey());
            case BadToken.WrongKey:
                return Sign(descriptor, new SigningCredentials(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "attacker" }, SecurityAlgorithms.EcdsaSha256));
            case BadToken.AlgNone:
                var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
                var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
                    $"{{\"sub\":\"x\",\"role\":\"tenant\",\"tenant_id\":\"acme\",\"iss\":\"governance-local\",\"aud\":\"governance-api\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}"));
                return $"{header}.{payload}.";
            default:
                return "definitely.not.a-jwt";
        }
    }

    private static SecurityTokenDescriptor Valid() => new()
    {
        Issuer = "governance-local",
        Audience = "governance-api",
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["sub"] = "t", ["role"] = "tenant", ["tenant_id"] = "acme" },
    };

    private SigningCredentials LocalKey() => api.Services.GetRequiredService<SigningKeyStore>().Credentials;

    private static string Sign(SecurityTokenDescriptor descriptor, SigningCredentials credentials)
    {
        descriptor.SigningCredentials = credentials;
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
