using System.Net;
using System.Net.Http.Headers;
using Governance.Api.Tests.Infrastructure;
using Governance.Installation.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Hardening;

/// <summary>Each multipart part is limited while it streams in, not after it was buffered whole (issue 11).</summary>
[Collection(ApiCollection.Name)]
public sealed class MultipartLimitTests(ApiFactory api)
{
    private const long HugePart = 101L * 1024 * 1024;

    // The 1 MiB manifest limit plus the pipes and buffers between the test client and the reader.
    private const long ReadBound = 8L * 1024 * 1024;

    [Theory]
    [InlineData("manifest.json")]
    [InlineData(null)]
    public async Task Register_WithA101MiBManifestPart_Returns413_AfterReadingLittleMoreThanTheLimit(string? fileName)
    {
        // TestServer's client side copies the whole body into its pipe whatever the server reads, so the
        // bytes are counted where the API reads them.
        var counter = new BodyCounter();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(counter)));
        using var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(Roles.Admin));
        using var form = new MultipartFormDataContent();
        var manifest = new StreamContent(new GeneratedStream(HugePart));
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (fileName is null)
        {
            form.Add(manifest, "manifest");
        }
        else
        {
            form.Add(manifest, "manifest", fileName);
        }

        form.Add(new ByteArrayContent([8, 7]), "file", "model.onnx");
        var before = await api.CatalogRowCountAsync();

        using var response = await admin.PostAsync("/api/v1/models", form);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.True(counter.BytesRead < ReadBound, $"the API read {counter.BytesRead:N0} bytes of a {HugePart:N0}-byte part");
        Assert.Equal(before, await api.CatalogRowCountAsync());
    }

    [Fact]
    public async Task Register_WithTheSamePartTwice_Returns400()
    {
        using var admin = api.ClientAs(Roles.Admin);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("{}"), "manifest" },
            { new StringContent("{}"), "manifest" },
            { new ByteArrayContent([8, 7]), "file", "model.onnx" },
        };

        using var response = await admin.PostAsync("/api/v1/models", form);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("only once", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Wraps every request body of its host, counting the bytes the API pulled from it.</summary>
    private sealed class BodyCounter : IStartupFilter
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Request.Body = new CountingStream(context.Request.Body, n => Interlocked.Add(ref _read, n));
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class CountingStream(Stream inner, Action<int> counted) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            counted(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            counted(n);
            return n;
        }
    }

    /// <summary>A part of <c>length</c> bytes generated on demand.</summary>
    private sealed class GeneratedStream(long length) : ReadOnlyStream
    {
        private long _produced;

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _produced);
            buffer[..n].Fill((byte)'a');
            _produced += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }

    private abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
