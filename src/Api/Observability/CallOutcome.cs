namespace Governance.Api.Observability;

/// <summary>The outcome label of a model call, from its status code: few values, so dashboards can sum them.</summary>
public static class CallOutcome
{
    public static string Of(int status) => status switch
    {
        >= 200 and < 300 => "success",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "denied",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status429TooManyRequests => "throttled",
        >= 400 and < 500 => "invalid",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => "error",
    };
}
