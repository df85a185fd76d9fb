using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Governance.Inference.Remote;

/// <summary>Calls to remote backends, labelled by backend (its authority), model, version and outcome.</summary>
public sealed class RemoteTelemetry : IDisposable
{
    public const string MeterName = "Governance.Inference.Remote";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public RemoteTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _calls = _meter.CreateCounter<long>("governance.remote.calls", "{call}", "Calls to remote model backends, by backend, model, version and outcome.");
        _duration = _meter.CreateHistogram<double>("governance.remote.call.duration", "s", "A remote backend call, retries included.");
    }

    public void Call(string backend, string model, string version, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "backend", backend }, { "model", model }, { "version", version }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
