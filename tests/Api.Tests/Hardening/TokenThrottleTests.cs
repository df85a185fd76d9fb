using System.Diagnostics.Metrics;
using System.Net;
using Governance.Api.Features.Tokens;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

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
