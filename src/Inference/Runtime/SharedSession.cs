using Governance.Inference.Errors;
using Microsoft.ML.OnnxRuntime;

namespace Governance.Inference.Runtime;

/// <summary>
/// An <see cref="InferenceSession"/> freed only after its owner disposed it AND the last run in
/// flight has finished: disposing a session during Run would free native memory under that run.
/// </summary>
internal sealed class SharedSession(InferenceSession session, string displayName, bool ioBinding = false) : IDisposable
{
    // One reference for the owner plus one per run in flight; the session is freed at zero.
    private int _references = 1;
    private int _disposed;
    private long _runs;

    public InferenceSession Session => session;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>How many times the session was run: a batch of many requests counts once.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Runs the session, mapping cancellation and input faults the graph detects.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(
        IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs,
        IReadOnlyCollection<string> outputNames, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Enter();
        Interlocked.Increment(ref _runs);
        try
        {
            using var runOptions = new RunOptions();
            using var cancel = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
            return ioBinding
                ? BoundRun.Run(session, runOptions, inputNames, inputs, outputNames)
                : session.Run(runOptions, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex) when (ex.Message.StartsWith("[ErrorCode:InvalidArgument]", StringComparison.Ordinal))
        {
            // Inputs that pass the manifest can still conflict inside the graph (e.g. two inputs whose
            // batch sizes must agree); that is the client's input, not a server fault.
            throw new InferenceInputException("", InferenceErrorCodes.RejectedByModel, $"the model rejected the inputs: {ex.Message}", ex);
        }
        finally
        {
            Release();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    private void Enter()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }

        throw new ObjectDisposedException(displayName, $"Model {displayName} has been unloaded.");
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            session.Dispose();
        }
    }
}
