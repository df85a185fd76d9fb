using System.Diagnostics;
using System.Globalization;
using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Policies;

/// <summary>Two API hosts on one database: an activation on one is in force on the other within a second.</summary>
[Collection(PolicyCollection.Name)]
public sealed class CrossHostActivationTests(ApiFactory api)
{
    private const string DenyPredict = """
        name: no-predict
        rules:
          - id: license.required
            when:
              any:
                - principal.role: { equals: tenant }
                - request.endpoint: { in: [model.infer, model.predict] }
            obligations:
              require_license: true
          - id: predict.closed
            when: { request.endpoint: { equals: model.predict } }
            deny: { message: The text endpoint is closed. }
        """;

    [Fact]
    public async Task Activation_OnOneHost_IsInForceOnTheOther()
    {
        await using var second = new SecondHost(api);
        using var secondTenant = second.CreateClient();
        secondTenant.DefaultRequestHeaders.Authorization = new("Bearer", second.Services.GetRequiredService<TokenIssuer>().Issue("t2", Roles.Tenant, "acme", null));
        var previous = second.Active.Current!.Version;
        Assert.Equal(api.Services.GetRequiredService<Governance.Api.PolicyEngine.ActivePolicy>().Current!.Version, previous);

        var version = await api.ActivateNewAsync(DenyPredict);
        var activatedAt = Stopwatch.StartNew();
        while (second.Active.Current!.Version != version.ToString(CultureInfo.InvariantCulture))
        {
            // A generous deadline, not a speed claim: a loaded 2-core CI machine must not fail it.
            Assert.True(activatedAt.Elapsed < TimeSpan.FromSeconds(30), $"the second host still decides with version {second.Active.Current.Version} after {activatedAt.Elapsed}");
            await Task.Delay(5);
        }

        try
        {
            using var onSecond = await secondTenant.PostAsync("/api/v1/models/support-intent/predict", PolicyApi.Yaml("""{"text":"hi"}""").WithJson());
            var problem = await onSecond.AssertProblemAsync(HttpStatusCode.Forbidden, "policy-denied");
            Assert.Equal("predict.closed", problem.GetProperty("ruleIds")[0].GetString());
            await api.PredictAsync("hi", HttpStatusCode.Forbidden);
        }
        finally
        {
            await api.ActivateAsync(int.Parse(previous, CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>With polling all but off (once a minute), only the notification can bring the new version in time.</summary>
[Collection(PolicyCollection.Name)]
public sealed class ActivationNotificationTests(ApiFactory api)
{
    [Fact]
    public async Task Activation_ReachesAHostThatHardlyPolls_ThroughListenNotify()
    {
        await using var second = new SecondHost(api, pollMilliseconds: 60_000);
        var previous = second.Active.Current!.Version;

        var version = await api.ActivateNewAsync(PolicyApi.DefaultYaml);
        var activatedAt = Stopwatch.StartNew();
        while (second.Active.Current!.Version != version.ToString(CultureInfo.InvariantCulture))
        {
            // Under the 60 s poll interval, so only the notification can have brought it; generous for a loaded machine.
            Assert.True(activatedAt.Elapsed < TimeSpan.FromSeconds(30), $"no notification reached the second host in {activatedAt.Elapsed}");
            await Task.Delay(5);
        }

        await api.ActivateAsync(int.Parse(previous, CultureInfo.InvariantCulture));
    }
}

internal static class ContentExtensions
{
    public static StringContent WithJson(this StringContent content)
    {
        content.Headers.ContentType = new("application/json");
        return content;
    }
}
