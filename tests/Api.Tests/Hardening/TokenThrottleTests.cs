using System.Diagnostics.Metrics;
using System.Net;
using Governance.Api.Features.Tokens;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Api.Tests.Hardening;

/// <summary>Brute force on /connect/token (issue 11): lock-out with back-off, per client id and per source, same work for unknown ids.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenThrottleTests(ApiFactory api)
{
    [Fact]
    public async Task Token_AfterFiveWrongSecrets_IsRefused429EvenWithTheRightSecret_UntilTheLockOutPasses_AndTheNextLockOutIsLonger()
    {
        await using var host = new TokenThrottleHost(api);
        var (id, secret) = await host.CreateClientAsync();

        await FailAsync(host, "10.0.0.1", id, times: 5);
        using (var locked = await host.TokenAsync("10.0.0.2", id, secret))
        {
            await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Equal(TimeSpan.FromSeconds(30), locked.Headers.RetryAfter?.Delta);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        using (var stillLocked = await host.TokenAsync("10.0.0.2", id, secret))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), stillLocked.Headers.RetryAfter?.Delta);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await FailAsync(host, "10.0.0.1", id, times: 5);
        using (var longer = await host.TokenAsync("10.0.0.2", id, secret))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, longer.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), longer.Headers.RetryAfter?.Delta);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        using var issued = await host.TokenAsync("10.0.0.2", id, secret);
        await issued.ReadJsonAsync();
    }

    [Fact]
    public async Task Token_FromASourceThatFailedForManyClientIds_IsRefused429_WhileAnotherSourceStillGetsItsToken()
    {
        await using var host = new TokenThrottleHost(api, ("Governance:TokenThrottle:MaxFailuresPerSource", "8"));
        var (id, secret) = await host.CreateClientAsync();

        for (var i = 0; i < 8; i++)
        {
            using var wrong = await host.TokenAsync("10.0.1.1", $"guess-{i}", "x");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var fromAttacker = await host.TokenAsync("10.0.1.1", id, secret))
        {
            await fromAttacker.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        }

        using var fromElsewhere = await host.TokenAsync("10.0.1.2", id, secret);
        await fromElsewhere.ReadJsonAsync();
    }

    [Fact]
    public async Task Token_ForAnUnknownIdAndForAKnownId_BothHashTheSecret_AndALockedOutCallHashesNothing()
    {
        await using var host = new TokenThrottleHost(api);
        var (id, _) = await host.CreateClientAsync();
        using var hashes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(),
            ClientSecretVerifier.MeterName, ClientSecretVerifier.VerificationsInstrument);

        await FailAsync(host, "10.0.2.1", "no-such-client-" + Guid.NewGuid().ToString("N"), times: 1);
        Assert.Equal(1, Sum(hashes));
        await FailAsync(host, "10.0.2.1", id, times: 1);
        Assert.Equal(2, Sum(hashes));

        await FailAsync(host, "10.0.2.1", id, times: 4);
        Assert.Equal(6, Sum(hashes));
        using var locked = await host.TokenAsync("10.0.2.1", id, "x");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(6, Sum(hashes));
    }

    [Fact]
    public async Task Token_AfterFiveWrongSecretsOnHostA_IsRefused429OnHostB_WhichSharesOnlyTheDatabase()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hostA = new TokenThrottleHost(api, clock);
        await using var hostB = new TokenThrottleHost(api, clock);
        var (id, secret) = await hostA.CreateClientAsync();
        var (other, otherSecret) = await hostA.CreateClientAsync();

        await FailAsync(hostA, "10.0.3.1", id, times: 3);
        await FailAsync(hostB, "10.0.3.2", id, times: 2);
        using (var locked = await hostB.TokenAsync("10.0.3.3", id, secret))
        {
            await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Equal(TimeSpan.FromSeconds(30), locked.Headers.RetryAfter?.Delta);
        }

        using (var lockedOnA = await hostA.TokenAsync("10.0.3.3", id, secret))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, lockedOnA.StatusCode);
        }

        using (var otherClient = await hostB.TokenAsync("10.0.3.3", other, otherSecret))
        {
            await otherClient.ReadJsonAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(31));
        using var issued = await hostB.TokenAsync("10.0.3.3", id, secret);
        await issued.ReadJsonAsync();
    }

    [Fact]
    public async Task Token_WhenTheThrottleStateCannotBeRead_Returns503WithRetryAfter_AndHashesNothing()
    {
        await using var host = new TokenThrottleHost(api);
        var (id, secret) = await host.CreateClientAsync();
        using var hashes = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(),
            ClientSecretVerifier.MeterName, ClientSecretVerifier.VerificationsInstrument);

        await AdminAsync("REVOKE SELECT ON token_throttle FROM governance_app");
        try
        {
            using var refused = await host.TokenAsync("10.0.4.1", id, secret);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("access_token", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, Sum(hashes));
        }
        finally
        {
            await AdminAsync("GRANT SELECT ON token_throttle TO governance_app");
        }

        using var issued = await host.TokenAsync("10.0.4.1", id, secret);
        await issued.ReadJsonAsync();
    }

    private async Task AdminAsync(string sql)
    {
        await using var command = api.Database.AdminDataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static long Sum(MetricCollector<long> collector) => collector.GetMeasurementSnapshot().Sum(m => m.Value);

    private static async Task FailAsync(TokenThrottleHost host, string source, string clientId, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await host.TokenAsync(source, clientId, "wrong-secret");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid-client");
        }
    }
}
