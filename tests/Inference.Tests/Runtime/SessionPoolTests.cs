using Governance.DemoModels;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.ExecutionProviders;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Governance.Inference.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Inference.Tests.Runtime;

/// <summary>
/// The session pool of one version: at most its size of calls run at once, a bounded queue, then 503;
/// unloading lets admitted calls finish and frees the sessions after the last. Concurrency is observed
/// through the pool's counters and held leases, never through timing.
/// </summary>
public sealed class SessionPoolTests
{
    [Fact]
    public async Task ConcurrentCalls_OnPoolOfTwo_NeverRunMoreThanTwoAtOnce_AndEachGetsItsOwnAnswer()
    {
        using var model = Load(new SessionPoolSpec(2, 1000));
        Assert.Equal(2, model.Sessions.Size);
        var runsBefore = model.SessionRuns;

        var calls = Enumerable.Range(0, 48).Select(i => Task.Run(() => model.RunAsync(Request(i), CancellationToken.None))).ToArray();
        var responses = await Task.WhenAll(calls);

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(Values(i), responses[i].Outputs[0].GetData<float>());
        }

        Assert.InRange(model.Sessions.PeakInUse, 1, 2);
        Assert.Equal(0, model.Sessions.InUse);
        Assert.Equal(48, model.SessionRuns - runsBefore);
    }

    [Fact]
    public async Task BothSessionsHeld_NextCallWaits_AndRunsWhenOneComesFree()
    {
        using var model = Load(new SessionPoolSpec(2, 8));
        var first = model.Pool.Acquire(CancellationToken.None);
        var second = model.Pool.Acquire(CancellationToken.None);

        var waiting = model.RunAsync(Request(7), CancellationToken.None);
        await UntilAsync(() => model.Sessions.Waiting == 1);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, model.Sessions.InUse);

        first.Dispose();
        Assert.Equal(Values(7), (await waiting).Outputs[0].GetData<float>());
        second.Dispose();
        Assert.Equal(2, model.Sessions.PeakInUse);
    }

    [Fact]
    public async Task FullQueue_RefusesTheNextCallAsBusy_WithoutTouchingTheQueuedOne()
    {
        using var model = Load(new SessionPoolSpec(1, 1));
        var held = model.Pool.Acquire(CancellationToken.None);
        var queued = model.RunAsync(Request(1), CancellationToken.None);
        await UntilAsync(() => model.Sessions.Waiting == 1);

        var busy = await Assert.ThrowsAsync<ModelBusyException>(() => model.RunAsync(Request(2), CancellationToken.None));
        Assert.True(busy.RetryAfter > TimeSpan.Zero);
        Assert.Equal(1, model.Sessions.Waiting);

        held.Dispose();
        Assert.Equal(Values(1), (await queued).Outputs[0].GetData<float>());
    }

    [Fact]
    public async Task QueuedCall_WhoseClientGoesAway_LeavesTheQueue()
    {
        using var model = Load(new SessionPoolSpec(1, 4));
        using var held = model.Pool.Acquire(CancellationToken.None);
        using var client = new CancellationTokenSource();
        var queued = model.RunAsync(Request(1), client.Token);
        await UntilAsync(() => model.Sessions.Waiting == 1);

        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, model.Sessions.Waiting);
    }

    [Fact]
    public async Task QueuedCall_PastTheQueueTimeout_IsRefusedAsBusy()
    {
        var loader = new ModelLoader(
            new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu, QueueTimeoutMilliseconds = 20 }, NullLogger<SessionFactory>.Instance),
            NullLogger<ModelLoader>.Instance);
        using var model = Load(new SessionPoolSpec(1, 4), loader);
        using var held = model.Pool.Acquire(CancellationToken.None);

        await Assert.ThrowsAsync<ModelBusyException>(() => model.RunAsync(Request(1), CancellationToken.None));
        Assert.Equal(0, model.Sessions.Waiting);
    }

    [Fact]
    public async Task Unload_LetsAdmittedCallsFinish_RefusesNewOnes_AndFreesTheSessionsAfterTheLast()
    {
        var model = Load(new SessionPoolSpec(1, 4));
        var inFlight = model.Pool.Acquire(CancellationToken.None);
        var queued = model.RunAsync(Request(3), CancellationToken.None);
        await UntilAsync(() => model.Sessions.Waiting == 1);

        model.Dispose();

        Assert.True(model.IsDisposed);
        var refused = await Assert.ThrowsAsync<ModelUnloadedException>(() => model.RunAsync(Request(4), CancellationToken.None));
        Assert.Equal("1", refused.Version);
        Assert.False(model.IsReleased);
        // The call in flight still has a working session after the unload.
        Assert.Equal(Values(5), LoadedModel.Run(Validated(5, model), inFlight.Session, CancellationToken.None)[0].GetData<float>());
        inFlight.Dispose();
        Assert.Equal(Values(3), (await queued).Outputs[0].GetData<float>());
        Assert.True(model.IsReleased);
    }

    [Fact]
    public void PoolSize_DefaultsToTheDeploymentsSetting_WhenTheManifestIsSilent()
    {
        var loader = new ModelLoader(
            new SessionFactory(new InferenceOptions { ExecutionProvider = ExecutionProviderMode.Cpu, SessionsPerModel = 3, MaxQueuedCalls = 5 }, NullLogger<SessionFactory>.Instance),
            NullLogger<ModelLoader>.Instance);

        using var model = Load(null, loader);

        Assert.Equal(3, model.Sessions.Size);
        Assert.Equal(5, model.Sessions.MaxQueue);
    }

    private static readonly DemoModel Identity = DemoModelFactory.Identity(TensorDataType.Fp32, [-1, 3]);

    private static LoadedModel Load(SessionPoolSpec? sessions, ModelLoader? loader = null) =>
        (loader ?? Models.Loader).Load(Identity.OnnxBytes, ModelLoader.ComputeSha256(Identity.OnnxBytes), Identity.Manifest with { Sessions = sessions }, CancellationToken.None);

    private static float[] Values(int i) => [i, i + 0.5f, -i];

    private static InferenceRequest Request(int i) =>
        OipJson.ParseRequest(Requests.One("x", "[1, 3]", "FP32", $"[{i}, {i + 0.5f}, {-i}]"));

    private static ValidatedRequest Validated(int i, LoadedModel model) => InferenceRequestBinder.Bind(Request(i), model.Manifest);

    // Waits for a state another task reaches; the bound only keeps a broken pool from hanging the run.
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the pool never reached the expected state");
            await Task.Delay(5);
        }
    }
}
