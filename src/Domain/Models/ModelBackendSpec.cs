using System.Text.Json.Serialization;

namespace Governance.Domain.Models;

/// <summary>
/// Where a model version computes. Absent (or kind "local"): an ONNX Runtime session in this process, from
/// the uploaded file. Kind "remote": an Open Inference Protocol REST server (Triton, KServe, or a Governance
/// node in inference-only mode) at <see cref="Url"/>, serving <see cref="Model"/>/<see cref="Version"/>
/// (default: this manifest's name and version); each attempt is given <see cref="TimeoutMs"/>. Governance
/// (authentication, policy, anonymization, audit) stays in this process either way (ADR-030).
/// </summary>
public sealed record ModelBackendSpec(string Kind, string? Url = null, string? Model = null, string? Version = null, int? TimeoutMs = null)
{
    public const string Local = "local";

    public const string Remote = "remote";

    public const int DefaultTimeoutMs = 10_000;

    public const int MaxTimeoutMs = 600_000;

    [JsonIgnore]
    public bool IsRemote => string.Equals(Kind, Remote, StringComparison.Ordinal);

    /// <summary>The per-attempt timeout a remote call gets.</summary>
    [JsonIgnore]
    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMs ?? DefaultTimeoutMs);

    /// <summary>Every reason this spec is unusable, empty when it is fine.</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsRemote)
        {
            if (!string.Equals(Kind, Local, StringComparison.Ordinal))
            {
                yield return $"kind must be '{Local}' or '{Remote}'.";
            }
            else if (Url is not null || Model is not null || Version is not null || TimeoutMs is not null)
            {
                yield return "url, model, version and timeoutMs apply to kind 'remote' only.";
            }

            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return "url must be an absolute http or https URL (the server's base, e.g. http://triton:8000).";
        }
        else if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            yield return "url may not carry credentials, a query or a fragment.";
        }

        if (Model is not null && !IsName(Model))
        {
            yield return "model must be 1-128 characters of letters, digits, '.', '_', '-'.";
        }

        if (Version is not null && !IsName(Version))
        {
            yield return "version must be 1-128 characters of letters, digits, '.', '_', '-'.";
        }

        if (TimeoutMs is < 1 or > MaxTimeoutMs)
        {
            yield return $"timeoutMs must be 1..{MaxTimeoutMs}.";
        }
    }

    // The names go into the remote's URL path, so only characters that need no escaping.
    private static bool IsName(string value) =>
        value.Length is >= 1 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
