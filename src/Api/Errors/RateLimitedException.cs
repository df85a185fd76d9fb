namespace Governance.Api.Errors;

/// <summary>
/// 429: the caller sent too much, too fast. <see cref="ProblemWriter"/> turns the wait into a
/// Retry-After header (whole seconds, rounded up) beside the problem's <c>retryAfterSeconds</c>.
/// </summary>
public sealed class RateLimitedException : GovernanceException
{
    public RateLimitedException(TimeSpan retryAfter, string message)
        : base(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, message)
    {
        Extensions[ProblemWriter.RetryAfterMember] = ProblemWriter.RetryAfterSeconds(retryAfter);
    }
}
