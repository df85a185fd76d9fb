namespace Governance.Inference.ExecutionProviders;

/// <summary>cuDNN's convolution algorithm search, as ONNX Runtime's CUDA provider names it.</summary>
public enum CudnnConvAlgoSearch
{
    /// <summary>Benchmarks every algorithm on first use: slowest first run, fastest after (ONNX Runtime's default).</summary>
    Exhaustive,

    /// <summary>cuDNN's heuristics, no benchmarking.</summary>
    Heuristic,

    /// <summary>The default algorithm, no search at all.</summary>
    Default,
}

/// <summary>How the CUDA provider's memory arena grows.</summary>
public enum ArenaExtendStrategy
{
    NextPowerOfTwo,
    SameAsRequested,
}

/// <summary>The <see cref="InferenceOptions"/> CUDA settings as ONNX Runtime's provider option keys and values.</summary>
internal static class CudaSettings
{
    public static Dictionary<string, string> ProviderOptions(InferenceOptions options)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device_id"] = options.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cudnn_conv_algo_search"] = options.CudnnConvAlgoSearch switch
            {
                CudnnConvAlgoSearch.Heuristic => "HEURISTIC",
                CudnnConvAlgoSearch.Default => "DEFAULT",
                _ => "EXHAUSTIVE",
            },
            ["do_copy_in_default_stream"] = options.CudaCopyInDefaultStream ? "1" : "0",
            ["arena_extend_strategy"] = options.CudaArenaExtendStrategy == ArenaExtendStrategy.SameAsRequested ? "kSameAsRequested" : "kNextPowerOfTwo",
        };
        if (options.CudaMemoryLimitBytes > 0)
        {
            values["gpu_mem_limit"] = options.CudaMemoryLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
