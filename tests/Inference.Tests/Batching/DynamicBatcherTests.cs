using Governance.Domain.Models;
using Governance.Inference.Batching;

namespace Governance.Inference.Tests.Batching;

public sealed class DynamicBatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConcurrentItems_RunAsOneBatch_AndGetTheirOwnResults()
    {
        var batches = new List<int[]>();
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(8, 30_000_000), items =>
        {
            lock (batches)
            {
                batches.Add([.. items]);
            }

            return [.. items.Select(i => i * 10)];
        });
        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => batcher.EnqueueAsync(i, CancellationToken.None)))).WaitAsync(Deadline);
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80], results);
        Assert.Single(batches);
        Assert.Equal(1, batcher.Batches);
    }

    [Fact]
    public async Task PreferredSize_RunsWithoutWaitingForTheDelay()
    {
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(64, 60_000_000, [3]), items => [.. items]);
        var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => batcher.EnqueueAsync(i, CancellationToken.None))).WaitAsync(Deadline);
        Assert.Equal([1, 2, 3], results);
    }

    [Fact]
    public async Task QueueDelay_RunsAnIncompleteBatch()
    {
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(64, 1000), items => [.. items]);
        Assert.Equal(7, await batcher.EnqueueAsync(7, CancellationToken.None).WaitAsync(Deadline));
        Assert.Equal(8, await batcher.EnqueueAsync(8, CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task CancelledQueuedItem_NeverRuns()
    {
        using var gate = new ManualResetEventSlim();
        var ran = new List<string>();
        var batcher = new DynamicBatcher<string, string>(new BatchingSpec(1, 0), items =>
        {
            gate.Wait(Deadline);
            lock (ran)
            {
                ran.AddRange(items);
            }

            return [.. items];
        });
        var first = batcher.EnqueueAsync("first", CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var queued = batcher.EnqueueAsync("left", leaving.Token);
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Deadline));
        var third = batcher.EnqueueAsync("third", CancellationToken.None);
        gate.Set();
        Assert.Equal("first", await first.WaitAsync(Deadline));
        Assert.Equal("third", await third.WaitAsync(Deadline));
        Assert.Equal(["first", "third"], ran);
    }

    [Fact]
    public async Task FailingRun_FailsItsBatchOnly()
    {
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(1, 0), items =>
            items[0] < 0 ? throw new InvalidOperationException("model fault") : [.. items]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.EnqueueAsync(-1, CancellationToken.None).WaitAsync(Deadline));
        Assert.Equal(5, await batcher.EnqueueAsync(5, CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task AlreadyCancelledToken_IsRefusedAtOnce()
    {
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(4, 0), items => [.. items]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.EnqueueAsync(1, new CancellationToken(canceled: true)));
        Assert.Equal(0, batcher.Batches);
    }

    [Fact]
    public async Task ItemsOfSeveralRows_FillBatchesByRows_AndAnItemThatWouldOverfillOpensTheNext()
    {
        var batches = new List<int[]>();
        var batcher = new DynamicBatcher<int, int>(new BatchingSpec(4, 30_000_000), items =>
        {
            lock (batches)
            {
                batches.Add([.. items]);
            }

            return [.. items];
        }, rows: static item => item);

        var first = batcher.EnqueueAsync(3, CancellationToken.None);
        var second = batcher.EnqueueAsync(2, CancellationToken.None);
        var third = batcher.EnqueueAsync(2, CancellationToken.None);
        var tooBig = batcher.EnqueueAsync(9, CancellationToken.None);

        var results = await Task.WhenAll(first, second, third, tooBig).WaitAsync(Deadline);

        Assert.Equal(new[] { 3, 2, 2, 9 }, results);
        // 3 alone (3 + 2 > 4), then 2 + 2, then the item larger than a batch alone: every batch ran full, none waited.
        Assert.Equal([[3], [2, 2], [9]], batches);
    }
}
