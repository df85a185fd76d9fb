using Governance.Inference.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.ExecutionProviders;

/// <summary>
/// Builds <see cref="InferenceSession"/>s on the execution provider the deployment asked for.
/// The provider is resolved once, at construction, so a missing CUDA is reported (or refused)
/// at start-up rather than on the first model load, and logged once rather than per model.
/// </summary>
public sealed partial class SessionFactory
{
    private readonly InferenceOptions _options;
    private readonly ILogger<SessionFactory> _logger;

    public SessionFactory(InferenceOptions options, ILogger<SessionFactory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = string.Join(" ", options.Problems());
        if (problems.Length > 0)
        {
            throw new ArgumentException($"Invalid inference options: {problems}", nameof(options));
        }

        _options = options;
        _logger = logger;
        ActiveExecutionProvider = Resolve();
    }

    /// <summary>The options sessions are built with; also the session pool defaults.</summary>
    internal InferenceOptions Options => _options;

    /// <summary><see cref="ExecutionProviderNames.Cuda"/> or <see cref="ExecutionProviderNames.Cpu"/>.</summary>
    public string ActiveExecutionProvider { get; }

    /// <inheritdoc cref="InferenceOptions.IoBinding"/>
    public bool IoBinding => _options.IoBinding;

    /// <summary>Creates a session from in-memory model bytes; returns the provider it actually runs on.</summary>
    internal InferenceSession Create(byte[] model, string modelName, out string provider)
    {
        if (ActiveExecutionProvider == ExecutionProviderNames.Cuda)
        {
            try
            {
                using var cudaOptions = NewOptions(useCuda: true);
                provider = ExecutionProviderNames.Cuda;
                return new InferenceSession(model, cudaOptions);
            }
            catch (OnnxRuntimeException ex) when (_options.ExecutionProvider == ExecutionProviderMode.Auto)
            {
                // The provider library loaded but the session did not start on it (no device, out of memory).
                LogCudaSessionFallback(_logger, modelName, ex.Message);
            }
        }

        using var cpuOptions = NewOptions(useCuda: false);
        provider = ExecutionProviderNames.Cpu;
        return new InferenceSession(model, cpuOptions);
    }

    private string Resolve()
    {
        if (_options.ExecutionProvider == ExecutionProviderMode.Cpu)
        {
            return ExecutionProviderNames.Cpu;
        }

        try
        {
            using var probe = NewOptions(useCuda: true);
            return ExecutionProviderNames.Cuda;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            if (_options.ExecutionProvider == ExecutionProviderMode.Cuda)
            {
                throw new ExecutionProviderUnavailableException(
                    ExecutionProviderNames.Cuda,
                    $"ExecutionProvider is Cuda but ONNX Runtime cannot start {ExecutionProviderNames.Cuda} on device {_options.CudaDeviceId}: {ex.Message}. " +
                    "Install the CUDA provider libraries (CUDA 13, cuDNN 9) or set ExecutionProvider to Auto or Cpu.",
                    ex);
            }

            LogCudaUnavailable(_logger, ex.Message);
            return ExecutionProviderNames.Cpu;
        }
    }

    private SessionOptions NewOptions(bool useCuda)
    {
        var options = new SessionOptions();
        try
        {
            if (_options.IntraOpThreads > 0)
            {
                options.IntraOpNumThreads = _options.IntraOpThreads;
            }

            if (_options.InterOpThreads > 0)
            {
                options.InterOpNumThreads = _options.InterOpThreads;
            }

            options.EnableCpuMemArena = _options.CpuMemoryArena;
            if (useCuda)
            {
                using var cuda = new OrtCUDAProviderOptions();
                cuda.UpdateOptions(CudaSettings.ProviderOptions(_options));
                options.AppendExecutionProvider_CUDA(cuda);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA execution provider unavailable, falling back to CPU: {Reason}")]
    private static partial void LogCudaUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} could not start on CUDA, running it on CPU: {Reason}")]
    private static partial void LogCudaSessionFallback(ILogger logger, string model, string reason);
}
