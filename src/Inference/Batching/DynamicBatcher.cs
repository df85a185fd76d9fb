using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Domain.Models;

namespace Governance.Inference.Batching;

/// <summary>
/// Triton-style dynamic batching: items from concurrent callers queue, and one drainer runs them together,
/// at most <see cref="BatchingSpec.MaxBatchSize"/> rows at a time (an item is one row unless the caller says how many
/// it carries; one item larger than the maximum runs alone), after waiting at most the queue delay for company
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
    private readonly Func<TItem, int>? _rows;
    private readonly TimeSpan _delay;

    // An item taken from the queue that would have overfilled the batch: it opens the next one (drainer only).
    private Work? _held;
    private int _draining;
    private long _batches;

    /// <param name="spec">Sizes and delay.</param>
    /// <param name="run">Runs one batch; result i belongs to item i.</param>
    /// <param name="rows">How many rows an item carries (its size along dimension 0); null: one each.</param>
    public DynamicBatcher(BatchingSpec spec, Func<IReadOnlyList<TItem>, TResult[]> run, Func<TItem, int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        _spec = spec;
        _run = run;
        _rows = rows;
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
        var rows = 0;
        while (true)
        {
            if (_held is { } held)
            {
                _held = null;
                batch.Add(held);
                rows += RowsOf(held);
            }

            while (rows < _spec.MaxBatchSize && _held is null && _arrived.Wait(0))
            {
                Take(batch, ref rows);
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
            while (rows < _spec.MaxBatchSize && _held is null && !IsPreferred(rows))
            {
                var left = _delay - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
                {
                    break;
                }

                Take(batch, ref rows);
                while (rows < _spec.MaxBatchSize && _held is null && _arrived.Wait(0))
                {
                    Take(batch, ref rows);
                }
            }

            Run(batch);
            batch.Clear();
            rows = 0;
        }
    }

    private void Take(List<Work> batch, ref int rows)
    {
        // The semaphore counts queued items, so one is there; one whose caller left is dropped unrun.
        if (!_queue.TryDequeue(out var work) || work.Completion.Task.IsCompleted)
        {
            return;
        }

        var size = RowsOf(work);
        if (rows + size >= _spec.MaxBatchSize)
        {
            // About to close the batch: callers who left since joining must not hold places in it.
            rows -= Prune(batch);
        }

        if (batch.Count > 0 && rows + size > _spec.MaxBatchSize)
        {
            _held = work;
            return;
        }

        batch.Add(work);
        rows += size;
    }

    private int Prune(List<Work> batch)
    {
        var removed = 0;
        for (var i = batch.Count - 1; i >= 0; i--)
        {
            if (batch[i].Completion.Task.IsCompleted)
            {
                removed += RowsOf(batch[i]);
                batch.RemoveAt(i);
            }
        }

        return removed;
    }

    private int RowsOf(Work work) => _rows is null ? 1 : _rows(work.Item);

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
