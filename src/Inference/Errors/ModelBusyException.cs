namespace Governance.Inference.Errors;

/// <summary>
/// Every session of a model version is busy and its queue is full (or the wait for a session ran out):
/// the server's capacity, not the caller's rate, so the answer is 503 with Retry-After.
/// </summary>
public sealed class ModelBusyException(string model, string version, TimeSpan retryAfter, string message) : Exception(message)
{
    public string Model { get; } = model;

    public string Version { get; } = version;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
