namespace Governance.Inference.Errors;

/// <summary>
/// A remote model backend could not compute the request: unreachable, failing, its circuit open, or answering
/// something that is not a valid protocol response. The client's input was not at fault (that is an
/// <see cref="InferenceInputException"/>). <see cref="TimedOut"/>: the attempt ran out of its time.
/// </summary>
public sealed class ModelBackendException(string backend, string reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public const string CircuitOpen = "circuit_open";
    public const string Unreachable = "unreachable";
    public const string Timeout = "timeout";
    public const string Failed = "failed";
    public const string BadResponse = "bad_response";

    /// <summary>The backend's base URL (no credentials: they never go in the URL).</summary>
    public string Backend { get; } = backend;

    /// <summary>One of the constants above.</summary>
    public string Reason { get; } = reason;

    public bool TimedOut => Reason == Timeout;
}
