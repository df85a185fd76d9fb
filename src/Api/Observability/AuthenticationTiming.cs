using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Observability;

/// <summary>
/// Runs just before the authentication middleware and authenticates first, timed: the handler keeps its
/// result for the rest of the request, so the middleware after it does not validate again. The model is
/// not known yet, so the time is kept for <see cref="CallMetering"/> to record with the call's labels.
/// </summary>
public sealed class AuthenticationTiming(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Elapsed>() is { } timing)
        {
            using var activity = GovernanceTelemetry.Activities.StartActivity(StageNames.Authentication);
            var started = Stopwatch.GetTimestamp();
            await context.AuthenticateAsync();
            timing.Value = Stopwatch.GetElapsedTime(started);
        }

        await next(context);
    }

    /// <summary>The request's authentication time, carried as a feature.</summary>
    public sealed class Elapsed
    {
        public TimeSpan? Value { get; set; }
    }
}
