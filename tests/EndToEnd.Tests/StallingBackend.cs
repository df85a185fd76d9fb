using System.Net;
using System.Text;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// An Open Inference Protocol server that describes a model (metadata and ready as the real node gives them)
/// but never answers an inference: what a hung GPU worker looks like from the governed API.
/// </summary>
public sealed class StallingBackend : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _metadata;
    private readonly CancellationTokenSource _stop = new();

    public StallingBackend(string metadataJson)
    {
        _metadata = Encoding.UTF8.GetBytes(metadataJson);
        BaseAddress = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public int InferencesReceived => Volatile.Read(ref _inferences);

    private int _inferences;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        if (context.Request.HttpMethod == "POST")
        {
            Interlocked.Increment(ref _inferences);
            try
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.ContentType = "application/json";
        var body = context.Request.Url!.AbsolutePath.EndsWith("/ready", StringComparison.Ordinal) ? "{}"u8.ToArray() : _metadata;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
