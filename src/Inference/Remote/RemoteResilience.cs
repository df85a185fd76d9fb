using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Governance.Inference.Remote;

/// <summary>
/// The named HttpClient remote backends are called through, with its Polly pipeline, outermost first:
/// retry (exponential backoff with jitter, only for failures that happened before the backend could have
/// computed anything: connect errors, 502, 503, 504) → circuit breaker (every transient failure, timeouts
/// included, counts) → per-attempt timeout (the model's timeoutMs). One pipeline per authority.
/// </summary>
public static class RemoteResilience
{
    /// <summary>The attempt timeout of one request, read by the timeout strategy.</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("governance.remote.attempt-timeout");

    public static IServiceCollection AddRemoteModelBackends(this IServiceCollection services)
    {
        services.AddSingleton<RemoteTelemetry>();
        services.AddSingleton<RemoteModels>();
        services.AddHttpClient(RemoteBackendOptions.HttpClientName, client =>
            {
                // The pipeline's timeouts bound every call; HttpClient's own 100 s default would only confuse them.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("remote-oip", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<RemoteBackendOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                    ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsRetryable(args.Outcome)),
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = options.BreakerFailureRatio,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                    BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                    ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    TimeoutGenerator = args => ValueTask.FromResult(
                        args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(AttemptTimeout, out var timeout)
                            ? timeout
                            : TimeSpan.FromMilliseconds(options.ProbeTimeoutMs)),
                });
            })
            .SelectPipelineByAuthority();
        return services;
    }

    // Retrying is safe where the backend cannot have run the model: the connection failed, or a proxy or
    // the server said it is not serving. A 500 (the model failed) or a timeout (it may still be running) is not retried.
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
