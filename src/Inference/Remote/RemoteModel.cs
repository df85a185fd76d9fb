using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Governance.Domain.Models;
using Governance.Inference.Errors;
using Governance.Inference.Protocol;
using Governance.Inference.Runtime;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Governance.Inference.Remote;

/// <summary>
/// A model version computed by a remote Open Inference Protocol REST server. The request is validated here
/// against the manifest first (a bad input never leaves the process), sent as protocol JSON through the
/// resilient client, and the answer checked against the manifest's outputs before anyone sees it.
/// </summary>
public sealed class RemoteModel : IModelBackend
{
    public const string Provider = "remote";

    private readonly IHttpClientFactory _clients;
    private readonly RemoteBackendOptions _options;
    private readonly RemoteTelemetry _telemetry;
    private readonly ModelBackendSpec _spec;
    private readonly Uri _modelUri;

    public RemoteModel(ModelManifest manifest, IHttpClientFactory clients, RemoteBackendOptions options, RemoteTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _spec = manifest.Backend is { IsRemote: true } spec ? spec : throw new ArgumentException("The manifest has no remote backend.", nameof(manifest));
        Manifest = manifest;
        _clients = clients;
        _options = options;
        _telemetry = telemetry;
        var root = new Uri(_spec.Url!.TrimEnd('/') + "/", UriKind.Absolute);
        Backend = root.GetLeftPart(UriPartial.Authority);
        _modelUri = new Uri(root, $"v2/models/{_spec.Model ?? manifest.Name}/versions/{_spec.Version ?? manifest.Version}");
    }

    public ModelManifest Manifest { get; }

    public string ExecutionProvider => Provider;

    /// <summary>The backend's scheme, host and port: the metrics label and the circuit breaker's key.</summary>
    public string Backend { get; }

    public async Task<InferenceResponse> RunAsync(InferenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validated = InferenceRequestBinder.Bind(request, Manifest);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            using var message = Message(HttpMethod.Post, "/infer", _spec.Timeout);
            message.Content = new ByteArrayContent(RemoteProtocol.WriteRequest(request.Id, validated));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await RemoteProtocol.ReadBodyAsync(response, _options.MaxResponseBytes, Backend, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var outputs = RemoteProtocol.ReadOutputs(body, Manifest, validated.OutputNames, Backend);
                outcome = "ok";
                return new InferenceResponse(Manifest.Name, Manifest.Version, request.Id, outputs);
            }

            // The backend refused the inputs themselves: the client's fault, whoever noticed it.
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
            {
                outcome = "rejected";
                throw new InferenceInputException("", InferenceErrorCodes.RejectedByModel,
                    $"the model backend rejected the inputs: {RemoteProtocol.ErrorText(body)}");
            }

            throw new ModelBackendException(Backend, ModelBackendException.Failed,
                $"The model backend {Backend} answered {(int)response.StatusCode}: {RemoteProtocol.ErrorText(body)}");
        }
        catch (ModelBackendException ex)
        {
            outcome = ex.Reason;
            throw;
        }
        finally
        {
            _telemetry.Call(Backend, Manifest.Name, Manifest.Version, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The backend's own readiness of this model (GET .../ready), through the same circuit breaker.</summary>
    public async Task<(bool Ready, string? Reason)> ReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var message = Message(HttpMethod.Get, "/ready", TimeSpan.FromMilliseconds(_options.ProbeTimeoutMs));
            using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? (true, null) : (false, $"the model backend {Backend} answered {(int)response.StatusCode} to ready");
        }
        catch (ModelBackendException ex)
        {
            return (false, ex.Message);
        }
    }

    /// <summary>The backend's metadata of this model as a signature, to check a manifest against at registration.</summary>
    public async Task<ModelSignature> ProbeSignatureAsync(CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Get, "", TimeSpan.FromMilliseconds(_options.ProbeTimeoutMs));
        using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await RemoteProtocol.ReadBodyAsync(response, _options.MaxResponseBytes, Backend, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ModelBackendException(Backend, ModelBackendException.Failed,
                $"The model backend {Backend} answered {(int)response.StatusCode} for {_modelUri.AbsolutePath}: {RemoteProtocol.ErrorText(body)}");
        }

        return RemoteProtocol.ReadSignature(body, Backend);
    }

    private HttpRequestMessage Message(HttpMethod method, string suffix, TimeSpan attemptTimeout)
    {
        var message = new HttpRequestMessage(method, new Uri(_modelUri + suffix, UriKind.Absolute));
        message.Options.Set(RemoteResilience.AttemptTimeout, attemptTimeout);
        if (_options.BearerToken.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BearerToken);
        }

        return message;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var http = _clients.CreateClient(RemoteBackendOptions.HttpClientName);
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ModelBackendException(Backend, ModelBackendException.CircuitOpen,
                $"The model backend {Backend} is failing; calls are refused for a while (circuit open).", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ModelBackendException(Backend, ModelBackendException.Timeout,
                $"The model backend {Backend} did not answer within {(message.Options.TryGetValue(RemoteResilience.AttemptTimeout, out var t) ? t.TotalMilliseconds : 0)} ms.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelBackendException(Backend, ModelBackendException.Unreachable, $"The model backend {Backend} cannot be reached: {ex.Message}", ex);
        }
    }
}
