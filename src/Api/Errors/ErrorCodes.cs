namespace Governance.Api.Errors;

/// <summary>
/// Stable error codes. They appear as the last segment of a ProblemDetails <c>type</c> URI and in
/// the <c>code</c> member, and clients may rely on them; never rename one.
/// </summary>
public static class ErrorCodes
{
    public const string TypeBase = "https://governance.dev/problems/";

    public const string ValidationFailed = "validation-failed";
    public const string MalformedRequest = "malformed-request";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string PolicyDenied = "policy-denied";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Conflict = "conflict";
    public const string InvalidInput = "invalid-inference-input";
    public const string InvalidModel = "invalid-model";
    public const string ModelExternalData = "model-external-data";
    public const string PolicyTooDeep = "policy-too-deep";
    public const string PolicyTooLarge = "policy-too-large";
    public const string RateLimited = "rate-limited";
    public const string ModelNotReady = "model-not-ready";
    public const string ModelBackendUnavailable = "model-backend-unavailable";
    public const string ModelBackendTimeout = "model-backend-timeout";
    public const string RemoteBackendUnsupported = "remote-backend-unsupported";
    public const string ModelBusy = "model-busy";
    public const string InvalidClient = "invalid-client";
    public const string UnsupportedGrantType = "unsupported-grant-type";
    public const string AuditUnavailable = "audit-unavailable";
    public const string ClientClosedRequest = "client-closed-request";
    public const string DeanonymizationFailed = "deanonymization-failed";
    public const string Unavailable = "service-unavailable";
    public const string Internal = "internal-error";

    // The Presidio-compatible surface (/presidio/...): answered as {"error": ...}, audited under these codes.
    public const string PresidioBadRequest = "presidio-bad-request";
    public const string PresidioInvalidParameter = "presidio-invalid-parameter";
}
