using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using Governance.Api.Configuration;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Microsoft.Extensions.Options;

namespace Governance.Api.Features.Inference;

/// <summary>
/// The body of an Open Inference Protocol request as real clients send it: plain JSON, or gzip/deflate
/// compressed, or JSON followed by binary tensors (<see cref="HeaderLength"/>). Decompressed bytes are
/// bounded by the same limit as a plain body, so a small compressed bomb is a 413, never unbounded memory.
/// </summary>
public static class InferenceBody
{
    public const string HeaderLength = "Inference-Header-Content-Length";

    public static async Task<InferenceRequest> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var limit = http.HttpContext.RequestServices.GetRequiredService<IOptions<GovernanceOptions>>().Value.Limits.MaxRequestBodyBytes;
        var body = await ReadBoundedAsync(http, limit, ct);
        if (!http.Headers.TryGetValue(HeaderLength, out var header) || header.Count == 0)
        {
            return OipJson.ParseRequest(body.AsSpan());
        }

        if (header.Count != 1 || !long.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InferenceInputException("", InferenceErrorCodes.MalformedRequest, $"{HeaderLength} must be one non-negative integer");
        }

        return BinaryRequestReader.Read(body, length);
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpRequest http, long limit, CancellationToken ct)
    {
        var encoding = http.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 && http.ContentLength is { } length && length <= limit)
        {
            // The common case, a plain body of known size: read it into its own array, nothing else allocated.
            var exact = new byte[length];
            await http.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }

        var source = Decoder(encoding, http.Body);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new BadHttpRequestException("Request body too large after decompression.", StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InferenceInputException("", InferenceErrorCodes.MalformedRequest,
                $"the body is not valid {encoding} data: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (!ReferenceEquals(source, http.Body))
            {
                await source.DisposeAsync();
            }
        }

        return buffer.ToArray();
    }

    private static Stream Decoder(string encoding, Stream body) => encoding.ToLowerInvariant() switch
    {
        "" or "identity" => body,
        "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
        // HTTP's "deflate" is the zlib format (RFC 9110 8.4.1.2), which is what clients send.
        "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
        _ => throw new BadHttpRequestException(
            $"Content-Encoding '{encoding}' is not supported; send gzip, deflate or an uncompressed body.", StatusCodes.Status415UnsupportedMediaType),
    };
}
