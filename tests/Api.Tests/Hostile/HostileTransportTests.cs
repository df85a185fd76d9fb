using System.Diagnostics;
using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;

namespace Governance.Api.Tests.Hostile;

/// <summary>Wrong content types, bodies that trickle in, and bodies the client abandons half-way.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileTransportTests(ApiFactory api)
{
    private const string Predict = "/api/v1/models/support-intent/predict";
    private const string Body = """{"text":"my card was charged twice"}""";

    [Fact]
    public Task WrongContentTypes_Are4xx() =>
        new HostileHarness(api).AssertAllRefusedAsync(
        [
            HostileCase.Raw("text/plain", Roles.Tenant, Predict, Encoding.UTF8.GetBytes(Body), "text/plain", "acme"),
            HostileCase.Raw("application/xml", Roles.Tenant, Predict, Encoding.UTF8.GetBytes("<text>a</text>"), "application/xml", "acme"),
            HostileCase.Raw("no content type", Roles.Tenant, Predict, Encoding.UTF8.GetBytes(Body), null!, "acme"),
            HostileCase.Raw("form", Roles.Tenant, Predict, Encoding.UTF8.GetBytes("text=a"), "application/x-www-form-urlencoded", "acme"),
            HostileCase.Raw("UTF-16 that says UTF-8", Roles.Tenant, Predict, Encoding.Unicode.GetBytes(Body), "application/json; charset=utf-8", "acme"),
            HostileCase.Raw("unknown charset", Roles.Tenant, Predict, Encoding.UTF8.GetBytes(Body), "application/json; charset=ebcdic-xx", "acme"),
            HostileCase.Raw("form to a JSON command", Roles.Admin, "/api/v1/tenants", Encoding.UTF8.GetBytes("id=form-tenant&name=x"), "application/x-www-form-urlencoded"),
            HostileCase.Raw("JSON to the token endpoint", "anonymous", "/connect/token", Encoding.UTF8.GetBytes("""{"grant_type":"client_credentials"}"""), "application/json"),
            HostileCase.Raw("multipart to pii", Roles.Tenant, "/api/v1/pii/analyze", Encoding.ASCII.GetBytes("--b\r\n\r\nx\r\n--b--\r\n"), "multipart/form-data; boundary=b", "acme"),
        ]);

    [Fact]
    public async Task ABodyThatTricklesIn_GetsAnAnswer_AndAMalformedOneIsStill400()
    {
        using var client = api.ClientAs(Roles.Tenant, "acme");
        var watch = Stopwatch.StartNew();

        using var response = await client.PostAsync(Predict, new TrickleContent(Encoding.UTF8.GetBytes("{\"text\": \"a\""), TimeSpan.FromMilliseconds(50), abandon: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        await new HostileHarness(api).AssertReadyAsync();
    }

    [Fact]
    public async Task ABodyTheClientAbandons_LeavesNoRowAndTheServiceReady()
    {
        var catalog = await api.CatalogRowCountAsync();
        using var client = api.ClientAs(Roles.Admin);

        var sent = new TrickleContent(Encoding.UTF8.GetBytes("{\"id\": \"abandoned-tenant\", \"name\": \"Aband"), TimeSpan.FromMilliseconds(5), abandon: true);
        await Assert.ThrowsAnyAsync<Exception>(() => client.PostAsync("/api/v1/tenants", sent));

        Assert.Equal(catalog, await api.CatalogRowCountAsync());
        Assert.Equal(0, await api.ScalarAsync("SELECT count(*) FROM tenants WHERE id = 'abandoned-tenant'"));
        await new HostileHarness(api).AssertReadyAsync();
    }

    /// <summary>Writes a few bytes at a time with a pause between; optionally gives up before the end.</summary>
    private sealed class TrickleContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TimeSpan _pause;
        private readonly bool _abandon;

        public TrickleContent(byte[] body, TimeSpan pause, bool abandon)
        {
            _body = body;
            _pause = pause;
            _abandon = abandon;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _body.Length; i += 4)
            {
                await stream.WriteAsync(_body.AsMemory(i, Math.Min(4, _body.Length - i)));
                await stream.FlushAsync();
                await Task.Delay(_pause);
            }

            if (_abandon)
            {
                throw new IOException("the client went away");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
