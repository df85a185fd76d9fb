using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Governance.Api.Features.Tokens;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Api.Tests.Hardening;

/// <summary>
/// A second host on the shared database whose token throttle runs on a fake clock, so lock-out windows
/// pass without sleeping. Hosts given one clock stand for two processes of one deployment: they share
/// nothing but the database (the throttle's state is in it, ADR-028). TestServer has no remote address: <c>X-Test-Source</c> stands in for one.
/// </summary>
internal sealed class TokenThrottleHost : IAsyncDisposable
{
    public const string SourceHeader = "X-Test-Source";

    private readonly ApiFactory _api;
    private readonly WebApplicationFactory<Program> _host;

    public TokenThrottleHost(ApiFactory api, params (string Key, string Value)[] settings)
        : this(api, new FakeTimeProvider(DateTimeOffset.UtcNow), settings)
    {
    }

    public TokenThrottleHost(ApiFactory api, FakeTimeProvider clock, params (string Key, string Value)[] settings)
    {
        _api = api;
        Clock = clock;
        _host = api.WithWebHostBuilder(builder =>
        {
            // The shared factory lifts the throttle so other suites' wrong secrets don't lock each other out.
            var defaults = new TokenThrottleOptions();
            builder.UseSetting("Governance:TokenThrottle:MaxFailuresPerClient", defaults.MaxFailuresPerClient.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Governance:TokenThrottle:MaxFailuresPerSource", defaults.MaxFailuresPerSource.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TokenAttemptLimiter>(sp, (TimeProvider)Clock));
                services.AddSingleton<IStartupFilter, SourceFromHeader>();
            });
        });
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public async Task<(string Id, string Secret)> CreateClientAsync()
    {
        using var admin = _host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", _api.TokenFor(Roles.Admin));
        var created = await (await admin.PostAsJsonAsync("/api/v1/tenants/acme/clients", new { name = "throttle-" + Guid.NewGuid().ToString("N")[..8] }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    public async Task<HttpResponseMessage> TokenAsync(string source, string clientId, string secret)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }),
        };
        request.Headers.Add(SourceHeader, source);
        return await client.SendAsync(request);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed class SourceFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(SourceHeader, out var source))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(source.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
