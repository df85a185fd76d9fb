using System.Diagnostics;
using System.Globalization;

namespace Governance.AuditLoad;

/// <summary>
/// CPU time spent during a phase, per entry: this process (writers, sequencer, harness) and the
/// PostgreSQL server processes (from /proc; Linux only). Says where a throughput difference comes from.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _client = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly double _server = ServerSeconds();

    public string PerEntry(double entries)
    {
        var client = (Process.GetCurrentProcess().TotalProcessorTime - _client).TotalSeconds;
        var server = ServerSeconds() - _server;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU per entry: this process {1e6 * client / entries:F1} µs, PostgreSQL {(double.IsNaN(server) ? "n/a" : $"{1e6 * server / entries:F1} µs")}");
    }

    // utime + stime of every "postgres:" process, in seconds (clock ticks of 10 ms on Linux).
    private static double ServerSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return double.NaN;
        }

        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || !File.ReadAllText(Path.Combine(dir, "cmdline")).StartsWith("postgres:", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return ticks / 100.0;
    }
}
