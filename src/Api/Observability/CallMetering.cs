using System.Diagnostics;
using Governance.Api.Pipeline;

namespace Governance.Api.Observability;

/// <summary>
/// Outermost middleware: counts each model call by outcome and times it end to end, with the
/// authentication time measured by <see cref="AuthenticationTiming"/>. Only calls that entered the governed
/// pipeline name a model (the audit scope knows it); the rest are not model calls.
/// </summary>
public sealed class CallMetering(RequestDelegate next, GovernanceTelemetry telemetry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var timing = new AuthenticationTiming.Elapsed();
        context.Features.Set(timing);
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            Record(context, timing, completed ? context.Response.StatusCode : StatusCodes.Status500InternalServerError, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(HttpContext context, AuthenticationTiming.Elapsed timing, int status, TimeSpan elapsed)
    {
        if (context.RequestServices?.GetService<AuditScope>() is not { ModelName: { } name } scope)
        {
            return;
        }

        var labels = telemetry.Labels(name, scope.ModelVersion);
        if (timing.Value is { } authentication)
        {
            telemetry.Stage(StageNames.Authentication, labels, authentication);
        }

        telemetry.Request(labels, CallOutcome.Of(status), elapsed);
    }
}
