using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Domain.Models;

namespace Governance.Inference.Batching;

/// <summary>
/// Triton-style dynamic batching: items from concurrent callers queue, and one drainer runs them together,
/// at most <see cref="BatchingSpec.MaxBatchSize"/> at a time, after waiting at most the queue delay for company
/// (a batch that reaches a preferred size or the maximum runs at once). Items whose caller went away are dropped
/// before they run. Callers validate their items first, so a failing run is the model's fault and fails the batch.
/// No thread waits while the queue is empty: the drainer starts with the first item and ends with the last.
/// </summary>
public sealed class DynamicBatcher<TItem, TResult>
{
    private readonly ConcurrentQueue<Work> _queue = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly BatchingSpec _spec;
    private readonly Func<IReadOnlyList<TItem>, TResult[]> _run;
    private readonly TimeSpan _delay;
    private int _draining;
    private long _batches;

    /// <param name="spec">Sizes and delay.</param>
    /// <param name="run">Runs one batch; result i belongs to item i.</param>
    public DynamicBatcher(BatchingSpec spec, Func<IReadOnlyList<TItem>, TResult[]> run)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        _spec = spec;
        _run = run;
        _delay = TimeSpan.FromMicroseconds(spec.MaxQueueDelayMicroseconds);
    }

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Queues <paramref name="item"/>; cancelling <paramref name="cancellationToken"/> before its batch starts removes it.</summary>
    public Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = new Work(item, cancellationToken);
        _queue.Enqueue(work);
        _arrived.Release();
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return work.Completion.Task;
    }

    private async Task DrainAsync()
    {
        var batch = new List<Work>(_spec.MaxBatchSize);
        while (true)
        {
            while (batch.Count < _spec.MaxBatchSize && _arrived.Wait(0))
            {
                Take(batch);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref _draining, 0);
                // An item queued after the last Wait(0) but before the flag dropped finds no drainer: take it here.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            var started = Stopwatch.GetTimestamp();
            while (batch.Count < _spec.MaxBatchSize && !IsPreferred(batch.Count))
            {
                var left = _delay - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
                {
                    break;
                }

                Take(batch);
                while (batch.Count < _spec.MaxBatchSize && _arrived.Wait(0))
                {
                    Take(batch);
                }
            }

            Run(batch);
            batch.Clear();
        }
    }

    private void Take(List<Work> batch)
    {
        // The semaphore counts queued items, so one is there; one whose caller left is dropped unrun.
        if (_queue.TryDequeue(out var work) && !work.Completion.Task.IsCompleted)
        {
            batch.Add(work);
        }
    }

    private bool IsPreferred(int count)
    {
        var preferred = _spec.PreferredBatchSizes;
        if (preferred is null)
        {
            return false;
        }

        for (var i = 0; i < preferred.Count; i++)
        {
            if (preferred[i] == count)
            {
                return true;
            }
        }

        return false;
    }

    private void Run(List<Work> batch)
    {
        batch.RemoveAll(static w => w.Completion.Task.IsCompleted);
        if (batch.Count == 0)
        {
            return;
        }

        var items = new TItem[batch.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = batch[i].Item;
        }

        try
        {
            Interlocked.Increment(ref _batches);
            var results = _run(items);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(results[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var work in batch)
            {
                work.Fail(ex);
            }
        }
    }

    private sealed class Work
    {
        private readonly CancellationTokenRegistration _cancel;

        public Work(TItem item, CancellationToken cancellationToken)
        {
            Item = item;
            _cancel = cancellationToken.Register(static state =>
            {
                var (completion, token) = ((TaskCompletionSource<TResult>, CancellationToken))state!;
                completion.TrySetCanceled(token);
            }, (Completion, cancellationToken));
        }

        public TItem Item { get; }

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(TResult result)
        {
            _cancel.Dispose();
            Completion.TrySetResult(result);
        }

        public void Fail(Exception exception)
        {
            _cancel.Dispose();
            Completion.TrySetException(exception);
        }
    }
}
