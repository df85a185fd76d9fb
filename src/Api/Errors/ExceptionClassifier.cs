using System.Text.Json;
using Governance.Audit;
using Governance.Inference.Errors;
using Npgsql;

namespace Governance.Api.Errors;

/// <summary>
/// The one mapping from an exception to what the client is told. Used by the audit behaviour (to
/// record the outcome) and by the exception handler (to answer), so both always agree.
/// </summary>
public static class ExceptionClassifier
{
    /// <summary>Not an HTTP status anyone receives; recorded when the caller went away (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>The Retry-After of a 503 caused by an outage of PostgreSQL or the audit trail.</summary>
    public const int OutageRetryAfterSeconds = 5;

    public sealed record Classification(int Status, string Code, string Detail, IDictionary<string, object?>? Extensions);

    public static Classification Classify(Exception exception) => exception switch
    {
        GovernanceException g => new(g.Status, g.Code, g.Message, g.Extensions),
        InferenceInputException i => new(StatusCodes.Status400BadRequest, ErrorCodes.InvalidInput, i.Message,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["input"] = i.TensorName, ["reason"] = i.Code }),
        BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            new(b.StatusCode, ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.", null),
        BadHttpRequestException b when b.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
            new(b.StatusCode, ErrorCodes.UnsupportedMediaType, b.Message, null),
        BadHttpRequestException b => new(b.StatusCode is >= 400 and < 500 ? b.StatusCode : 400, ErrorCodes.MalformedRequest, DescribeBadRequest(b), null),
        // ASP.NET's form reader refuses a NUL (U+0000) in a form value this way (issue 11).
        InvalidDataException d => new(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The form is malformed: " + d.Message, null),
        JsonException j => new(StatusCodes.Status400BadRequest, ErrorCodes.MalformedRequest, "The body is not valid JSON: " + j.Message, null),
        AuditUnavailableException => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable,
            "The audit trail could not record this call, so it was not carried out. Try again shortly.", OutageRetry()),
        // Only compute went remote; the client learns which backend and why, never the remote's internals.
        ModelBackendException { TimedOut: true } m => new(StatusCodes.Status504GatewayTimeout, ErrorCodes.ModelBackendTimeout, m.Message,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["backend"] = m.Backend, ["reason"] = m.Reason }),
        ModelBackendException m => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ModelBackendUnavailable, m.Message,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["backend"] = m.Backend, ["reason"] = m.Reason }),
        ModelBusyException busy => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ModelBusy, busy.Message,
            new Dictionary<string, object?>(StringComparer.Ordinal) { [ProblemWriter.RetryAfterMember] = ProblemWriter.RetryAfterSeconds(busy.RetryAfter) }),
        ModelUnloadedException unloaded => new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, unloaded.Message, null),
        ModelIntegrityException or ModelManifestMismatchException or InvalidModelException or ModelExternalDataException or ObjectDisposedException => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ModelNotReady,
            "The model could not be loaded safely; an operator has been told.", null),
        OperationCanceledException => new(ClientClosedRequest, ErrorCodes.ClientClosedRequest, "The client closed the request before it completed.", null),
        NpgsqlException or TimeoutException => new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable,
            "A platform dependency is unavailable. Try again shortly.", OutageRetry()),
        _ => new(StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "An unexpected error occurred; it has been logged with the trace id.", null),
    };

    // RFC 9110 §10.2.3: an outage answer says when to come back, so clients (token clients above all,
    // ADR-028) back off instead of retrying at once. A fixed, short wait: the outage's length is unknown.
    private static Dictionary<string, object?> OutageRetry() =>
        new(StringComparer.Ordinal) { [ProblemWriter.RetryAfterMember] = OutageRetryAfterSeconds };

    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? "The body is not valid JSON for this endpoint: " + json.Message
            : exception.Message;
}
