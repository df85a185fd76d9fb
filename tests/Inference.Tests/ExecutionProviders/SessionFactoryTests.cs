using Governance.Inference.Errors;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Inference.Tests.ExecutionProviders;

// These run where CI runs: no GPU and no CUDA provider library.
public sealed class SessionFactoryTests
{
    [Fact]
    public void Auto_WithoutCuda_FallsBackToCpuWithAWarning()
    {
        var logger = new ListLogger<SessionFactory>();

        var factory = new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Auto }, logger);

        Assert.Equal(ExecutionProviderNames.Cpu, factory.ActiveExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("falling back to CPU", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_WithoutCuda_RefusesWithAClearReason()
    {
        var error = Assert.Throws<ExecutionProviderUnavailableException>(() =>
            new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cuda }, NullLogger<SessionFactory>.Instance));

        Assert.Equal(ExecutionProviderNames.Cuda, error.Provider);
        Assert.Contains("cannot start CUDAExecutionProvider", error.Message, StringComparison.Ordinal);
        Assert.Contains("set ExecutionProvider to Auto or Cpu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_UsesCpuAndLogsNothing()
    {
        var logger = new ListLogger<SessionFactory>();

        var factory = new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu, IntraOpThreads = 1 }, logger);

        Assert.Equal(ExecutionProviderNames.Cpu, factory.ActiveExecutionProvider);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Auto_ModelsLoadAndReportCpu()
    {
        var factory = new SessionFactory(new InferenceOptions(), NullLogger<SessionFactory>.Instance);
        var loader = new Governance.Inference.Runtime.ModelLoader(factory, NullLogger<Governance.Inference.Runtime.ModelLoader>.Instance);
        var demo = Models.CreditRisk;

        using var model = loader.Load(demo.OnnxBytes, Governance.Inference.Runtime.ModelLoader.ComputeSha256(demo.OnnxBytes), demo.Manifest, CancellationToken.None);

        Assert.Equal(ExecutionProviderNames.Cpu, model.ExecutionProvider);
    }

    [Fact]
    public void Auto_WithEveryCudaSettingGiven_StillFallsBackToCpuWithTheReason()
    {
        var logger = new ListLogger<SessionFactory>();
        var options = new InferenceOptions
        {
            ExecutionProvider = ExecutionProviderMode.Auto,
            CudaDeviceId = 1,
            CudaMemoryLimitBytes = 2L << 30,
            CudnnConvAlgoSearch = CudnnConvAlgoSearch.Heuristic,
            CudaCopyInDefaultStream = false,
            CudaArenaExtendStrategy = ArenaExtendStrategy.SameAsRequested,
            CpuMemoryArena = false,
            IoBinding = true,
        };

        var factory = new SessionFactory(options, logger);

        Assert.Equal(ExecutionProviderNames.Cpu, factory.ActiveExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("falling back to CPU", warning.Message, StringComparison.Ordinal);
        Assert.True(warning.Message.Length > "CUDA execution provider unavailable, falling back to CPU: ".Length, warning.Message);
    }

    [Fact]
    public void CudaSettings_BecomeOnnxRuntimeProviderOptions()
    {
        var values = CudaSettings.ProviderOptions(new InferenceOptions
        {
            CudaDeviceId = 2,
            CudaMemoryLimitBytes = 1024,
            CudnnConvAlgoSearch = CudnnConvAlgoSearch.Default,
            CudaCopyInDefaultStream = false,
            CudaArenaExtendStrategy = ArenaExtendStrategy.SameAsRequested,
        });

        Assert.Equal("2", values["device_id"]);
        Assert.Equal("1024", values["gpu_mem_limit"]);
        Assert.Equal("DEFAULT", values["cudnn_conv_algo_search"]);
        Assert.Equal("0", values["do_copy_in_default_stream"]);
        Assert.Equal("kSameAsRequested", values["arena_extend_strategy"]);
        Assert.DoesNotContain("gpu_mem_limit", CudaSettings.ProviderOptions(new InferenceOptions()).Keys);
    }

    [Theory]
    [InlineData("CudaDeviceId")]
    [InlineData("CudaMemoryLimitBytes")]
    [InlineData("IntraOpThreads")]
    [InlineData("InterOpThreads")]
    public void OutOfRangeSetting_IsRefusedNamingItsKey(string key)
    {
        var options = key switch
        {
            "CudaDeviceId" => new InferenceOptions { CudaDeviceId = -1 },
            "CudaMemoryLimitBytes" => new InferenceOptions { CudaMemoryLimitBytes = -5 },
            "IntraOpThreads" => new InferenceOptions { IntraOpThreads = InferenceOptions.MaxThreads + 1 },
            _ => new InferenceOptions { InterOpThreads = -2 },
        };

        var problem = Assert.Single(options.Problems());
        var error = Assert.Throws<ArgumentException>(() => new SessionFactory(options, NullLogger<SessionFactory>.Instance));

        Assert.Contains("Governance:Models:" + key, problem, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
