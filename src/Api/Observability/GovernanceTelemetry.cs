using System.Diagnostics;
using System.Diagnostics.Metrics;
using Governance.Inference.Runtime;

namespace Governance.Api.Observability;

/// <summary>
/// The API room's meter and activity source: what a governed call costs, stage by stage. Created through
/// <see cref="IMeterFactory"/> so that each host (tests run several in one process) owns its instruments.
/// Durations are in seconds, as Prometheus expects.
/// </summary>
public sealed class GovernanceTelemetry : IDisposable
{
    public const string Name = "Governance.Api";

    // Sub-millisecond work is the point of these figures: the default buckets start at 5 ms.
    private static readonly double[] Buckets =
        [0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter _meter;
    private readonly ModelHost _host;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _inferences;
    private readonly Counter<long> _executions;
    private readonly Histogram<double> _endToEnd;
    private readonly Histogram<double> _queue;
    private readonly Histogram<double> _compute;
    private readonly Histogram<double> _stages;

    public GovernanceTelemetry(IMeterFactory meters, ModelHost host, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        _host = host;
        _meter = meters.Create(options.MeterName);
        _requests = _meter.CreateCounter<long>("governance.requests", "{request}", "Model calls answered, by model, version and outcome.");
        _inferences = _meter.CreateCounter<long>("governance.inferences", "{inference}", "Model calls that reached the model.");
        _executions = _meter.CreateCounter<long>("governance.executions", "{execution}", "Runs of the model's session (a batch counts once).");
        _endToEnd = Histogram("governance.request.duration", "From the request's arrival to its answer.");
        _queue = Histogram("governance.inference.queue.duration", "Waiting for the model to be ready to run (loading; batching delay).");
        _compute = Histogram("governance.inference.compute.duration", "Running the model.");
        _stages = Histogram("governance.stage.duration", "Each governance stage of a call, by stage.");
        _meter.CreateObservableGauge("governance.model.loaded", LoadedModels, "{model}", "Models served here (1), with the execution provider each runs on.");
        _meter.CreateObservableGauge("governance.model.sessions", () => Pools(static p => p.Size), "{session}", "Sessions in each loaded version's pool.");
        _meter.CreateObservableGauge("governance.model.sessions.busy", () => Pools(static p => p.InUse), "{session}", "Sessions running a call now.");
        _meter.CreateObservableGauge("governance.model.calls.queued", () => Pools(static p => p.Waiting), "{call}", "Calls waiting for a session.");
    }

    public static ActivitySource Activities { get; } = new(Name);

    public void Request(in ModelLabels model, string outcome, TimeSpan elapsed)
    {
        var tags = model.Tags();
        tags.Add("outcome", outcome);
        _requests.Add(1, tags);
        _endToEnd.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records a stage of a model call; for <see cref="StageNames.Compute"/>, <paramref name="executions"/> is the
    /// session runs this call caused (0 for a batch's later callers).</summary>
    public void Stage(string stage, in ModelLabels model, TimeSpan elapsed, int executions = 1)
    {
        var tags = model.Tags();
        switch (stage)
        {
            case StageNames.Queue:
                _queue.Record(elapsed.TotalSeconds, tags);
                break;
            case StageNames.Compute:
                // A batch's run is counted once, by its first caller, so executions over inferences is the batching gain.
                _inferences.Add(1, tags);
                _executions.Add(executions, tags);
                _compute.Record(elapsed.TotalSeconds, tags);
                break;
            default:
                tags.Add("stage", stage);
                _stages.Record(elapsed.TotalSeconds, tags);
                break;
        }
    }

    /// <summary>Starts timing a stage: disposing the result records it and ends its activity.</summary>
    public StageTimer Time(string stage, ModelLabels model) => new(this, stage, model, Activities.StartActivity(stage));

    /// <summary>The labels of a model call; see <see cref="ModelLabels"/> for why unknown names are not kept.</summary>
    public ModelLabels Labels(string? model, string? version) => ModelLabels.Of(_host, model, version);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> LoadedModels()
    {
        foreach (var model in _host.Snapshot())
        {
            yield return new Measurement<int>(1, new TagList { { "model", model.Name }, { "version", model.Version }, { "execution_provider", model.ExecutionProvider } });
        }
    }

    private IEnumerable<Measurement<int>> Pools(Func<SessionPoolState, int> value)
    {
        foreach (var model in _host.Snapshot())
        {
            yield return new Measurement<int>(value(model.Sessions), new TagList { { "model", model.Name }, { "version", model.Version } });
        }
    }

    private Histogram<double> Histogram(string name, string description) =>
        _meter.CreateHistogram(name, "s", description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
}
