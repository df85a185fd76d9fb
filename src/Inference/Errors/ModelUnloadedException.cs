namespace Governance.Inference.Errors;

/// <summary>
/// The version was unloaded (retired, or out of its model's version policy) before this call took a
/// session. The version is no longer served, so the call is answered like one that names it anew: not found.
/// </summary>
public sealed class ModelUnloadedException(string model, string version)
    : ObjectDisposedException($"{model}/{version}", $"Version '{version}' of model '{model}' is no longer served.")
{
    public string Model { get; } = model;

    public string Version { get; } = version;
}
