using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class ExternalIdentityProviderTests(ApiFactory api)
{
    [Fact]
    public async Task Predict_WithATokenFromTheConfiguredIdentityProvider_IsAcceptedThroughItsJwks()
    {
        using var response = await PredictAsync(api.IdentityProvider.Issue("tenant", "acme"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Predict_WithAnIdpIssuerButAKeyNotInItsJwks_Returns401()
    {
        using var forged = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var response = await PredictAsync(api.IdentityProvider.Issue("tenant", "acme", signWith: forged));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Predict_WithAnIdpTokenForAnotherAudience_Returns401()
    {
        using var response = await PredictAsync(api.IdentityProvider.Issue("tenant", "acme", audience: "another-api"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private async Task<HttpResponseMessage> PredictAsync(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "my card was charged twice" });
    }
}
