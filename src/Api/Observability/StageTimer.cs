using System.Diagnostics;

namespace Governance.Api.Observability;

/// <summary>One stage being timed; a struct so timing the hot path allocates nothing but the activity (when traced).</summary>
public readonly struct StageTimer(GovernanceTelemetry telemetry, string stage, ModelLabels model, Activity? activity) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public void Dispose()
    {
        telemetry.Stage(stage, model, Stopwatch.GetElapsedTime(_started));
        activity?.Dispose();
    }
}
