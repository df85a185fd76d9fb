using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Governance.EndToEnd.Tests;

/// <summary>A second API process over the first one's database, key and model store (another instance behind a load balancer).</summary>
internal sealed class SecondProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SecondProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SecondProcess> StartAsync(ServerProcess first)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", [RepoLayout.ApiDll, "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = first.Scratch,
        };
        first.Configure(start.Environment);
        var second = new SecondProcess(Process.Start(start)!, address);
        second._process.OutputDataReceived += (_, e) => second.Append(e.Data);
        second._process.ErrorDataReceived += (_, e) => second.Append(e.Data);
        second._process.BeginOutputReadLine();
        second._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 240 && !second._process.HasExited; i++)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return second;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        await second.DisposeAsync();
        throw new InvalidOperationException("the second API process did not become ready:\n" + second._log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
