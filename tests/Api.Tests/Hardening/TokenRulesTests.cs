using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Hardening;

/// <summary>Token shapes the standard validation accepted and the platform now refuses (issue 11).</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenRulesTests(ApiFactory api)
{
    [Theory]
    [InlineData("compliance", "tenant")]
    [InlineData("tenant", "admin")]
    public async Task Call_WithARoleArray_Returns401EvenWhereEitherRoleWouldPass(string first, string second)
    {
        var token = Sign(Descriptor(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(10), new[] { first, second }));

        await AssertRefusedAsync(token, "several roles");
        await AssertRefusedAsync(token, "several roles", "/api/v1/audit/entries");
    }

    [Fact]
    public async Task Call_WithATokenValidForACentury_Returns401()
    {
        var token = Sign(Descriptor(DateTime.UtcNow, DateTime.UtcNow.AddYears(100), "tenant"));

        await AssertRefusedAsync(token, "lifetime");
    }

    [Fact]
    public async Task Call_WithATokenIssuedInTheFuture_Returns401()
    {
        var descriptor = Descriptor(DateTime.UtcNow, DateTime.UtcNow.AddHours(2), "tenant");
        descriptor.IssuedAt = DateTime.UtcNow.AddHours(1);

        await AssertRefusedAsync(Sign(descriptor), "future");
    }

    [Fact]
    public async Task Call_WithOneRoleAndALifetimeUnderTheCap_IsAccepted()
    {
        using var client = Client(Sign(Descriptor(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddHours(23), "tenant")));

        using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string token, string reason, string? getPath = null)
    {
        using var client = Client(token);
        using var response = getPath is null
            ? await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" })
            : await client.GetAsync(getPath);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Client(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static SecurityTokenDescriptor Descriptor(DateTime issuedAt, DateTime expires, object role) => new()
    {
        Issuer = "governance-local",
        Audience = "governance-api",
        IssuedAt = issuedAt,
        NotBefore = issuedAt,
        Expires = expires,
        Claims = new Dictionary<string, object> { ["sub"] = "t", ["role"] = role, ["tenant_id"] = "acme" },
    };

    private string Sign(SecurityTokenDescriptor descriptor)
    {
        descriptor.SigningCredentials = api.Services.GetRequiredService<SigningKeyStore>().Credentials;
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
