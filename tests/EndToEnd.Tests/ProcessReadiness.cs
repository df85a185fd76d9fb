using System.Diagnostics;
using System.Net;

namespace Governance.EndToEnd.Tests;

/// <summary>Waits until a started server answers /v2/health/ready, failing early with its log when it exits.</summary>
internal static class ProcessReadiness
{
    public static async Task WaitAsync(Process process, Uri baseAddress, string what, Func<string> log)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {process.ExitCode}:\n{log()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{what} not ready after 60 s:\n{log()}");
    }
}
