using Governance.Inference.Errors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// The sessions of one model version and who may use them: at most one call per session at a time,
/// up to <see cref="MaxQueue"/> calls waiting (each at most the queue timeout, cancellable), and
/// <see cref="ModelBusyException"/> beyond that. Disposing stops admitting calls; calls already admitted
/// (running or queued) still finish, and the sessions are freed when the last of them returns.
/// </summary>
internal sealed class SessionPool : IDisposable
{
    private readonly SharedSession[] _sessions;
    private readonly Stack<SharedSession> _idle;
    private readonly SemaphoreSlim _free;
    private readonly string _model;
    private readonly string _version;
    private readonly TimeSpan _queueTimeout;

    // One reference for the owner plus one per admitted call; the sessions are freed at zero.
    private int _references = 1;
    private int _disposed;
    private int _waiting;
    private int _inUse;
    private int _peakInUse;

    public SessionPool(IReadOnlyList<InferenceSession> sessions, string model, string version, int maxQueue, TimeSpan queueTimeout, bool ioBinding = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueue);
        _model = model;
        _version = version;
        _queueTimeout = queueTimeout;
        MaxQueue = maxQueue;
        _sessions = new SharedSession[sessions.Count];
        for (var i = 0; i < _sessions.Length; i++)
        {
            _sessions[i] = new SharedSession(sessions[i], $"{model}/{version}", ioBinding);
        }

        _idle = new Stack<SharedSession>(_sessions);
        _free = new SemaphoreSlim(_sessions.Length, _sessions.Length);
    }

    public int Size => _sessions.Length;

    public int MaxQueue { get; }

    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>The most calls that ever held a session at once: never above <see cref="Size"/>.</summary>
    public int PeakInUse => Volatile.Read(ref _peakInUse);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>No new call is admitted (the version is unloading or unloaded).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Every session freed: the last admitted call has returned after <see cref="Dispose"/>.</summary>
    public bool IsReleased => Volatile.Read(ref _references) == 0;

    public long Runs
    {
        get
        {
            long runs = 0;
            foreach (var session in _sessions)
            {
                runs += session.Runs;
            }

            return runs;
        }
    }

    /// <summary>Waits (blocking) for a session; the lease gives it back.</summary>
    public Lease Acquire(CancellationToken cancellationToken)
    {
        Admit(cancellationToken);
        try
        {
            if (!_free.Wait(0, CancellationToken.None))
            {
                Queue();
                try
                {
                    if (!_free.Wait(_queueTimeout, cancellationToken))
                    {
                        throw TimedOut();
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }

            return Take();
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>Waits (without holding a thread) for a session; the lease gives it back.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        Admit(cancellationToken);
        try
        {
            if (!_free.Wait(0, CancellationToken.None))
            {
                Queue();
                try
                {
                    if (!await _free.WaitAsync(_queueTimeout, cancellationToken).ConfigureAwait(false))
                    {
                        throw TimedOut();
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }

            return Take();
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>Runs on a session taken for this one run.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(
        IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames, CancellationToken cancellationToken)
    {
        using var lease = Acquire(cancellationToken);
        return lease.Session.Run(inputNames, inputs, outputNames, cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    private void Admit(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var current = Volatile.Read(ref _references);
        while (current > 0 && !IsDisposed)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }

        throw new ModelUnloadedException(_model, _version);
    }

    private void Queue()
    {
        if (Interlocked.Increment(ref _waiting) > MaxQueue)
        {
            Interlocked.Decrement(ref _waiting);
            throw new ModelBusyException(_model, _version, TimeSpan.FromSeconds(1),
                $"Model {_model} version {_version} is busy: all {Size} session(s) are running and {MaxQueue} call(s) are queued. Try again shortly.");
        }
    }

    private ModelBusyException TimedOut() => new(_model, _version, TimeSpan.FromSeconds(1),
        $"Model {_model} version {_version} is busy: no session came free within {_queueTimeout.TotalMilliseconds:0} ms. Try again shortly.");

    private Lease Take()
    {
        SharedSession session;
        lock (_idle)
        {
            session = _idle.Pop();
        }

        var inUse = Interlocked.Increment(ref _inUse);
        var peak = Volatile.Read(ref _peakInUse);
        while (inUse > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInUse, inUse, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }

        return new Lease(this, session);
    }

    private void Return(SharedSession session)
    {
        Interlocked.Decrement(ref _inUse);
        lock (_idle)
        {
            _idle.Push(session);
        }

        _free.Release();
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            foreach (var session in _sessions)
            {
                session.Dispose();
            }

            _free.Dispose();
        }
    }

    /// <summary>One call's hold on one session; disposing gives it back (once).</summary>
    public sealed class Lease(SessionPool pool, SharedSession session) : IDisposable
    {
        private int _returned;

        public SharedSession Session => session;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                pool.Return(session);
            }
        }
    }
}
