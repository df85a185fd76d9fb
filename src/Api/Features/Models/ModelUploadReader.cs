using System.Text;
using Governance.Api.Configuration;
using Governance.Api.Errors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Features.Models;

/// <summary>The two parts of a model upload; <see cref="Model"/> is null when no file was sent (a remote-backed version has none).</summary>
public sealed record ModelUpload(byte[]? Model, string Manifest);

/// <summary>
/// Reads a model upload part by part, each against its own limit while it streams in: a 101 MiB
/// manifest is refused after about a megabyte instead of being buffered whole first (issue 11).
/// The model part goes through a disk-backed buffer, so memory holds only the final array.
/// </summary>
public static class ModelUploadReader
{
    private const int MemoryThreshold = 64 * 1024;

    public static async Task<ModelUpload> ReadAsync(HttpRequest request, LimitOptions limits, CancellationToken ct)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || !type!.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send multipart/form-data with a 'file' (.onnx) and a 'manifest' (JSON).", StatusCodes.Status415UnsupportedMediaType);
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxModelUploadBytes };
        byte[]? model = null;
        string? manifest = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            var name = section.GetContentDispositionHeader() is { } disposition ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
            if (name == "file")
            {
                model = model is null ? await ReadPartAsync(section.Body, name, limits.MaxModelUploadBytes, ct) : throw Duplicate(name);
                continue;
            }

            // The manifest, or a part we do not use: either way it may not be large.
            var bytes = await ReadPartAsync(section.Body, name ?? "(unnamed)", limits.MaxManifestBytes, ct);
            if (name == "manifest")
            {
                manifest = manifest is null ? Encoding.UTF8.GetString(bytes) : throw Duplicate(name);
            }
        }

        return new ModelUpload(model, manifest ?? "");
    }

    private static BadInputException Duplicate(string name) =>
        new(ErrorCodes.ValidationFailed, $"The form field '{name}' may appear only once.");

    private static async Task<byte[]> ReadPartAsync(Stream body, string name, long limit, CancellationToken ct)
    {
        await using var buffered = new FileBufferingReadStream(body, MemoryThreshold, limit, Path.GetTempPath());
        try
        {
            await buffered.DrainAsync(ct);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            // FileBufferingReadStream's "buffer limit exceeded": it stopped reading one chunk past the limit.
            throw new BadHttpRequestException($"The form part '{name}' is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        buffered.Position = 0;
        var bytes = new byte[buffered.Length];
        await buffered.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
