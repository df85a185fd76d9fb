using Governance.Domain.Models;

namespace Governance.Inference.ExecutionProviders;

/// <summary>
/// How sessions are built; bound from the <c>Governance:Models</c> configuration section by the host and checked at
/// start (<see cref="Problems"/>). The Cuda* settings are ONNX Runtime's CUDA provider options of the same meaning;
/// they are passed only when a session is created on CUDA. See docs/models.md ("Execution providers").
/// </summary>
public sealed record InferenceOptions
{
    public const int MaxThreads = 1024;

    public ExecutionProviderMode ExecutionProvider { get; init; } = ExecutionProviderMode.Auto;

    public int CudaDeviceId { get; init; }

    /// <summary>CUDA's <c>gpu_mem_limit</c>: the most bytes the provider's arena may hold; 0 leaves it unlimited.</summary>
    public long CudaMemoryLimitBytes { get; init; }

    /// <summary>CUDA's <c>cudnn_conv_algo_search</c>: how cuDNN picks convolution algorithms.</summary>
    public CudnnConvAlgoSearch CudnnConvAlgoSearch { get; init; } = CudnnConvAlgoSearch.Exhaustive;

    /// <summary>CUDA's <c>do_copy_in_default_stream</c>: copies on the compute stream (safer) rather than their own.</summary>
    public bool CudaCopyInDefaultStream { get; init; } = true;

    /// <summary>CUDA's <c>arena_extend_strategy</c>: how its memory arena grows.</summary>
    public ArenaExtendStrategy CudaArenaExtendStrategy { get; init; } = ArenaExtendStrategy.NextPowerOfTwo;

    /// <summary>Threads inside one operator; 0 leaves ONNX Runtime's default (one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 leaves ONNX Runtime's default.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Sessions per model version when its manifest does not say (manifest <c>sessions.count</c>).</summary>
    public int SessionsPerModel { get; init; } = 1;

    /// <summary>Calls that may wait for a busy model version's session before 503 (manifest <c>sessions.maxQueue</c>).</summary>
    public int MaxQueuedCalls { get; init; } = 256;

    /// <summary>How long a queued call waits for a session before 503, in milliseconds.</summary>
    public int QueueTimeoutMilliseconds { get; init; } = 30_000;

    public TimeSpan QueueTimeout => TimeSpan.FromMilliseconds(QueueTimeoutMilliseconds);

    /// <summary>The CPU memory arena (ONNX Runtime's default); off trades speed for memory returned between runs.</summary>
    public bool CpuMemoryArena { get; init; } = true;

    /// <summary>Runs through an <c>OrtIoBinding</c>: inputs bound once, outputs written into memory bound for them (ADR-032).</summary>
    public bool IoBinding { get; init; }

    /// <summary>Every setting out of range, as a sentence naming its configuration key; empty when all are fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            yield return "Governance:Models:ExecutionProvider must be Cpu, Cuda or Auto.";
        }

        if (CudaDeviceId < 0)
        {
            yield return $"Governance:Models:CudaDeviceId must be 0 or more (got {CudaDeviceId}).";
        }

        if (CudaMemoryLimitBytes < 0)
        {
            yield return $"Governance:Models:CudaMemoryLimitBytes must be 0 (unlimited) or more (got {CudaMemoryLimitBytes}).";
        }

        if (!Enum.IsDefined(CudnnConvAlgoSearch))
        {
            yield return "Governance:Models:CudnnConvAlgoSearch must be Exhaustive, Heuristic or Default.";
        }

        if (!Enum.IsDefined(CudaArenaExtendStrategy))
        {
            yield return "Governance:Models:CudaArenaExtendStrategy must be NextPowerOfTwo or SameAsRequested.";
        }

        if (IntraOpThreads is < 0 or > MaxThreads)
        {
            yield return $"Governance:Models:IntraOpThreads must be 0 (ONNX Runtime's default) to {MaxThreads} (got {IntraOpThreads}).";
        }

        if (SessionsPerModel is < 1 or > SessionPoolSpec.MaxCount)
        {
            yield return $"Governance:Models:SessionsPerModel must be 1 to {SessionPoolSpec.MaxCount} (got {SessionsPerModel}).";
        }

        if (MaxQueuedCalls is < 0 or > SessionPoolSpec.MaxQueueLimit)
        {
            yield return $"Governance:Models:MaxQueuedCalls must be 0 to {SessionPoolSpec.MaxQueueLimit} (got {MaxQueuedCalls}).";
        }

        if (QueueTimeoutMilliseconds < 1)
        {
            yield return $"Governance:Models:QueueTimeoutMilliseconds must be at least 1 (got {QueueTimeoutMilliseconds}).";
        }

        if (InterOpThreads is < 0 or > MaxThreads)
        {
            yield return $"Governance:Models:InterOpThreads must be 0 (ONNX Runtime's default) to {MaxThreads} (got {InterOpThreads}).";
        }
    }
}
