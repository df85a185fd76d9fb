using System.Security.Cryptography;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Protocol;
using Governance.Inference.Tensors;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// Loads a model version for serving: checks its SHA-256 fingerprint, builds the session from the
/// very bytes that were checked, verifies the graph against the manifest, and warms it up.
/// </summary>
public sealed partial class ModelLoader(SessionFactory sessions, ILogger<ModelLoader> logger)
{
    /// <summary>Reads the file once, fully, into memory; the session never reads the path itself.</summary>
    public async Task<LoadedModel> LoadAsync(string path, string expectedSha256Hex, ModelManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Load(bytes, expectedSha256Hex, manifest, cancellationToken);
    }

    /// <summary>
    /// Loads from bytes already in memory (e.g. decrypted from the encrypted model store). The caller
    /// must not change <paramref name="onnx"/> during the call: the digest and the session both read it.
    /// </summary>
    public LoadedModel Load(byte[] onnx, string expectedSha256Hex, ModelManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(expectedSha256Hex);
        ArgumentNullException.ThrowIfNull(manifest);
        var actual = ComputeSha256(onnx);
        var expected = Normalize(expectedSha256Hex);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException(
                $"Model {manifest.Name} version {manifest.Version} failed its integrity check: expected SHA-256 {expected}, actual {actual}. Refusing to load.",
                expected,
                actual);
        }

        ExternalDataScan.Refuse(onnx);
        var pool = CreateSessions(onnx, manifest, out var provider);
        var options = sessions.Options;
        var model = new LoadedModel(pool, manifest, actual, provider,
            new SessionPoolLimits(manifest.Sessions?.MaxQueue ?? options.MaxQueuedCalls, options.QueueTimeout), sessions.IoBinding);
        try
        {
            ManifestCheck.Verify(manifest, ModelSignature.Of(pool[0]));
            WarmUp(model, logger, cancellationToken);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        LogLoaded(logger, manifest.Name, manifest.Version, actual, provider);
        return model;
    }

    /// <summary>Lower-case hex SHA-256, the platform's model fingerprint format.</summary>
    public static string ComputeSha256(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The inputs and outputs an ONNX file declares: at registration, to check a manifest before storing it.</summary>
    /// <exception cref="InvalidModelException">The bytes are not a model ONNX Runtime can load, or declare a non-tensor value.</exception>
    /// <exception cref="ModelExternalDataException">A tensor keeps its data outside the file: refused before ONNX Runtime sees it.</exception>
    public static ModelSignature Inspect(byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ExternalDataScan.Refuse(onnx);
        using var options = new SessionOptions();
        using var session = Open(onnx, options, "the model");
        return ModelSignature.Of(session);
    }

    // Every session of the pool from the same checked bytes; all or none.
    private List<InferenceSession> CreateSessions(byte[] onnx, ModelManifest manifest, out string provider)
    {
        var count = manifest.Sessions?.Count ?? sessions.Options.SessionsPerModel;
        var name = $"{manifest.Name}/{manifest.Version}";
        var pool = new List<InferenceSession>(count);
        provider = "";
        try
        {
            for (var i = 0; i < Math.Max(1, count); i++)
            {
                pool.Add(CreateSession(sessions, onnx, name, out provider));
            }

            return pool;
        }
        catch
        {
            foreach (var session in pool)
            {
                session.Dispose();
            }

            throw;
        }
    }

    private static InferenceSession CreateSession(SessionFactory factory, byte[] onnx, string name, out string provider)
    {
        try
        {
            return factory.Create(onnx, name, out provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidModelException($"ONNX Runtime cannot load {name}: {ex.Message}", ex);
        }
    }

    private static InferenceSession Open(byte[] onnx, SessionOptions options, string name)
    {
        try
        {
            return new InferenceSession(onnx, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidModelException($"ONNX Runtime cannot load {name}: {ex.Message}", ex);
        }
    }

    // The first run allocates arenas and picks kernels; paying that here keeps it off a client's call.
    // Zero-filled inputs are not valid for every model (one that divides by an input, indexes by one or
    // parses strings fails on them), so a failed warm-up is logged and the model still serves: the
    // session loaded, and real inputs decide whether a run succeeds.
    private static void WarmUp(LoadedModel model, ILogger logger, CancellationToken cancellationToken)
    {
        var specs = model.Manifest.Inputs;
        var inputs = new NamedTensor[specs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var shape = new long[specs[i].Shape.Count];
            for (var d = 0; d < shape.Length; d++)
            {
                shape[d] = specs[i].Shape[d] < 0 ? 1 : specs[i].Shape[d];
            }

            inputs[i] = NamedTensor.Zeros(specs[i].Name, specs[i].DataType, shape);
        }

        var outputs = new string[model.Manifest.Outputs.Count];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = model.Manifest.Outputs[i].Name;
        }

        // Every session of the pool, each holding its lease so that none is warmed twice.
        var leases = new List<SessionPool.Lease>(model.Pool.Size);
        try
        {
            for (var i = 0; i < model.Pool.Size; i++)
            {
                leases.Add(model.Pool.Acquire(cancellationToken));
            }

            var request = new ValidatedRequest(inputs, outputs);
            foreach (var lease in leases)
            {
                LoadedModel.Run(request, lease.Session, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InferenceInputException or InvalidModelException)
        {
            LogWarmUpFailed(logger, model.Name, model.Version, ex.Message);
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }

    private static string Normalize(string expected)
    {
        var hex = expected.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? expected[7..] : expected;
        return hex.Trim().ToLowerInvariant();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} version {Version}: warm-up on zero inputs failed ({Reason}); it serves anyway")]
    private static partial void LogWarmUpFailed(ILogger logger, string model, string version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Model} version {Version} (sha256 {Sha256}) on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string model, string version, string sha256, string provider);
}
