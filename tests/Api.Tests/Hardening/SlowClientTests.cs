using System.Net;
using System.Net.Sockets;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Hardening;

/// <summary>
/// Slow-loris against the real Kestrel on a loopback port (TestServer enforces no connection limit):
/// a client that trickles its headers, or its body, is dropped by the server within a bound, while a
/// normal client is answered 200 meanwhile. The limits are shortened here so the bound is seconds; the
/// defaults are in ConnectionLimitOptions and docs/security.md. The deadline is a generous bound (20 s
/// against a configured 1-2 s), not a measurement: it only has to sit below Kestrel's own defaults.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SlowClientTests(ApiFactory api) : IAsyncLifetime
{
    // Below Kestrel's default header timeout (30 s), so the test fails if the configured limit is not applied.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan TrickleEvery = TimeSpan.FromMilliseconds(250);

    private WebApplicationFactory<Program> _host = null!;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _host = api.WithWebHostBuilder(b => b
            .UseSetting("Governance:Connections:RequestHeadersTimeoutSeconds", "1")
            .UseSetting("Governance:Connections:KeepAliveTimeoutSeconds", "2")
            .UseSetting("Governance:Connections:MinRequestBodyBytesPerSecond", "240")
            .UseSetting("Governance:Connections:MinRequestBodyGraceSeconds", "2"));
        _host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        _address = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TrickledHeaders_AreDroppedByTheServer_WhileANormalClientGets200()
    {
        var opening = "GET /v2/health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
        var (dropped, answer) = await TrickleAsync(opening, new string('a', 10_000));

        Assert.True(dropped, "the server kept a connection whose headers never ended");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task TrickledBody_IsDroppedByTheServer_WhileANormalClientGets200()
    {
        var opening = "POST /api/v1/pii/analyze HTTP/1.1\r\nHost: localhost\r\n"
            + $"Authorization: Bearer {api.TokenFor(Roles.Tenant, "acme")}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 20000\r\n\r\n{\"text\":\"";
        var (dropped, answer) = await TrickleAsync(opening, new string('a', 10_000));

        Assert.True(dropped, "the server kept a connection whose body arrived at 4 bytes a second");
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    /// <summary>
    /// Sends <paramref name="opening"/>, then <paramref name="trickle"/> a byte at a time, and a normal
    /// request on another connection meanwhile. Dropped: the server closed the slow connection.
    /// </summary>
    private async Task<(bool Dropped, string Answer)> TrickleAsync(string opening, string trickle)
    {
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, _address.Port);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(opening));
        var drained = DrainAsync(stream);

        using var normal = new HttpClient { BaseAddress = _address };
        using (var live = await normal.GetAsync(new Uri("/v2/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using var deadline = new CancellationTokenSource(Deadline);
        foreach (var b in Encoding.ASCII.GetBytes(trickle))
        {
            if (drained.IsCompleted || deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await stream.WriteAsync(new[] { b });
                await Task.Delay(TrickleEvery, deadline.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAny(drained, Task.Delay(Deadline));
        return (drained.IsCompleted, drained.IsCompleted ? await drained : string.Empty);
    }

    // Reads until the server closes the connection (or resets it); returns what it answered.
    private static async Task<string> DrainAsync(NetworkStream stream)
    {
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset is a drop too.
        }

        return Encoding.ASCII.GetString(answer.ToArray());
    }
}
