using Governance.Api.ModelStore;
using Governance.Inference.Runtime;
using Npgsql;

namespace Governance.Api.Features.Health;

/// <summary>
/// Liveness and readiness for orchestrators (unauthenticated, not audited: they carry no data).
/// Ready means: the database answers and start-up model loading (every served version) has run;
/// the execution provider in use is reported.
/// </summary>
public static class HealthEndpoints
{
    public sealed record Liveness(bool Live);

    /// <summary>
    /// <see cref="ModelsUnavailable"/>: how many registered versions failed to load here. Only a count, as
    /// this endpoint is anonymous (no catalog probing); /v2/models/{m}/ready gives the reason, to those allowed.
    /// <see cref="ModelsByExecutionProvider"/>: how many loaded models run on each provider (a model whose CUDA
    /// session fell back shows here); which model runs where is in its metadata and in /metrics.
    /// </summary>
    public sealed record Readiness(
        bool Ready, bool Database, int ModelsLoaded, bool ModelsWarm, string ExecutionProvider, int ModelsUnavailable,
        IReadOnlyDictionary<string, int> ModelsByExecutionProvider, int ModelsPending);

    public sealed record ServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").AllowAnonymous().WithTags("Open Inference Protocol");
        v2.MapGet("/", () => Results.Ok(new ServerMetadata("governance", typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", ["binary_tensor_data"])))
            .WithName("v2.server.metadata");
        v2.MapGet("/health/live", () => Results.Ok(new Liveness(true))).WithName("v2.health.live");
        v2.MapGet("/health/ready", ReadyAsync).WithName("v2.health.ready");
    }

    private static async Task<IResult> ReadyAsync(
        NpgsqlDataSource dataSource, ModelHost host, ModelReconciler models, ModelLoadFailures failures, CancellationToken ct)
    {
        var database = await DatabaseAnswersAsync(dataSource, ct);
        var ready = database && models.Completed;
        var readiness = new Readiness(
            ready, database, host.Count, models.Completed, host.ActiveExecutionProvider, failures.Snapshot().Count, ProvidersOf(host), models.Pending);
        // The protocol: 200 means ready, a 4xx means not ready.
        return ready ? Results.Ok(readiness) : Results.BadRequest(readiness);
    }

    private static Dictionary<string, int> ProvidersOf(ModelHost host)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var model in host.Snapshot())
        {
            counts[model.ExecutionProvider] = counts.GetValueOrDefault(model.ExecutionProvider) + 1;
        }

        return counts;
    }

    private static async Task<bool> DatabaseAnswersAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
