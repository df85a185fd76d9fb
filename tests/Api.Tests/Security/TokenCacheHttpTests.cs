using System.Net.Http.Json;
using Governance.Api.Security;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Security;

/// <summary>The token cache in the real server: the same client token over several calls is verified once.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenCacheHttpTests(ApiFactory api)
{
    [Fact]
    public async Task RepeatedCalls_WithOneToken_VerifyItsSignatureOnce()
    {
        var handler = api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenHandlers.OfType<StrictTokenHandler>().Single();
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var before = handler.FullValidations;

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/models/support-intent/predict", new { text = "hello" });
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(before + 1, handler.FullValidations);
    }
}
