using Governance.Inference.Protocol;
using Governance.Inference.Tests.Support;

namespace Governance.Inference.Tests.Runtime;

public sealed class LifetimeTests
{
    [Fact]
    public async Task RunAsync_AfterDispose_IsObjectDisposed()
    {
        var model = Models.Load(Models.CreditRisk);
        model.Dispose();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() =>
            model.RunAsync(OipJson.ParseRequest(Requests.One("applicant", "[1, 4]", "FP32", "[1,2,3,4]")), CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentRuns_WhileDisposing_NeverCrash()
    {
        var model = Models.Load(Models.CreditRisk);
        var request = OipJson.ParseRequest(Requests.One("applicant", "[1, 4]", "FP32", "[1,2,3,4]"));
        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                try
                {
                    await model.RunAsync(request, CancellationToken.None);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        })).ToArray();

        await Task.Delay(5);
        model.Dispose();
        // The assertion is WhenAll itself: a run may finish or see ObjectDisposedException, anything else
        // (an access violation, a native error) surfaces here. (It used to end on IsDisposed after Dispose,
        // which could not fail.)
        await Task.WhenAll(runs);
    }
}
