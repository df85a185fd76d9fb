namespace Governance.Api.InferenceOnly;

/// <summary>
/// "Governance:InferenceOnly": a node of the GPU pool behind a governed API (ADR-030). It serves /v2 from the
/// models in <see cref="ModelDirectory"/> with no governance and no database, so only a governed API (or an
/// operator) may reach it: every call needs <see cref="BearerToken"/>, unless <see cref="AllowUnauthenticatedLoopback"/>
/// is set, and then only loopback callers are answered.
/// </summary>
public sealed class InferenceOnlyOptions
{
    public const string Section = "Governance:InferenceOnly";

    /// <summary>The address bound when no --urls / ASPNETCORE_URLS is given: loopback, never every interface by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8001";

    /// <summary>Model versions to serve: &lt;dir&gt;/&lt;name&gt;/&lt;version&gt;/ holding manifest.json and model.onnx.</summary>
    public string ModelDirectory { get; set; } = "";

    /// <summary>The shared secret callers send as "Authorization: Bearer ..."; at least 32 characters.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>With no secret, answer loopback callers only (a sidecar on the same host). Off by default: no secret, no start.</summary>
    public bool AllowUnauthenticatedLoopback { get; set; }

    public const int MinimumSecretLength = 32;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ModelDirectory) || !Directory.Exists(ModelDirectory))
        {
            yield return $"{Section}:ModelDirectory must name an existing directory of <name>/<version>/manifest.json + model.onnx.";
        }

        if (BearerToken.Length == 0 && !AllowUnauthenticatedLoopback)
        {
            yield return $"{Section}:BearerToken is required (or set AllowUnauthenticatedLoopback to serve loopback callers without one).";
        }
        else if (BearerToken.Length is > 0 and < MinimumSecretLength)
        {
            yield return $"{Section}:BearerToken must be at least {MinimumSecretLength} characters.";
        }
    }
}
