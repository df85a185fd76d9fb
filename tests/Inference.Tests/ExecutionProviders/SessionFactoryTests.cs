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
}
