using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Tokens;

[Collection(ApiCollection.Name)]
public sealed class ClientCredentialsTests(ApiFactory api)
{
    [Fact]
    public async Task ClientCredentials_IssueATenantTokenThatCanPredict_AndTheSecretIsStoredOnlyHashed()
    {
        using var admin = api.ClientAs(Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/tenants/acme/clients", new { name = "payments-backend" })).ReadJsonAsync(HttpStatusCode.Created);
        var clientId = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;

        using var anonymous = api.CreateClient();
        using var tokenResponse = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var token = await tokenResponse.ReadJsonAsync();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("expires_in").GetInt32() > 0);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var predict = await anonymous.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "my card was charged twice" });
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal(0, await api.ScalarAsync($"SELECT count(*) FROM oauth_clients WHERE secret_hash LIKE '%{secret}%'"));
        Assert.Equal(1, await api.ScalarAsync($"SELECT count(*) FROM oauth_clients WHERE client_id = '{clientId}' AND secret_hash LIKE 'pbkdf2-sha256$%'"));
    }

    [Fact]
    public async Task ClientCredentials_WithWrongSecretOrUnknownClient_Return401InvalidClient()
    {
        using var anonymous = api.CreateClient();
        foreach (var (id, secret) in new[] { ("acme-unknown", "x"), ("", "") })
        {
            using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = id,
                ["client_secret"] = secret,
            }));

            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid-client");
            Assert.Equal("invalid_client", problem.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Token_WithAnotherGrantType_Returns400UnsupportedGrantType()
    {
        using var anonymous = api.CreateClient();

        using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unsupported-grant-type");
    }

    [Fact]
    public async Task Token_WithJsonBody_Returns415()
    {
        using var anonymous = api.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/connect/token", new { grant_type = "client_credentials" });

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }
}
