namespace Governance.Api.Errors;

/// <summary>
/// A refusal the client can understand: it carries the HTTP status, the stable code and a human
/// message. Anything else that escapes a handler is a platform fault (500 or 503).
/// </summary>
public class GovernanceException(int status, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Extra ProblemDetails members (field errors, rule ids, ...).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

public sealed class NotFoundException(string message)
    : GovernanceException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

public sealed class ConflictException(string message)
    : GovernanceException(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

public sealed class BadInputException(string code, string message)
    : GovernanceException(StatusCodes.Status400BadRequest, code, message);

/// <summary>A token endpoint refusal; <c>error</c> carries the RFC 6749 §5.2 code OAuth clients read.</summary>
public sealed class OAuthException : GovernanceException
{
    public OAuthException(int status, string code, string oauthError, string message)
        : base(status, code, message)
    {
        Extensions["error"] = oauthError;
    }
}

/// <summary>A governance decision refused the call; the rule ids say which rules did.</summary>
public sealed class PolicyDeniedException : GovernanceException
{
    public PolicyDeniedException(IReadOnlyList<string> ruleIds, string message)
        : base(StatusCodes.Status403Forbidden, ErrorCodes.PolicyDenied, message)
    {
        RuleIds = ruleIds;
        Extensions["ruleIds"] = ruleIds;
    }

    public IReadOnlyList<string> RuleIds { get; }
}

public sealed class ValidationFailedException : GovernanceException
{
    public ValidationFailedException(IDictionary<string, string[]> errors)
        : base(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "One or more fields are invalid.")
    {
        Extensions["errors"] = errors;
    }
}
