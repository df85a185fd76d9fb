using System.Globalization;

namespace Governance.Api.Tests.Observability;

/// <summary>A scrape in Prometheus text format, read into samples: enough to sum a metric over chosen labels.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..brace];
            var labels = brace < 0 ? [] : Labels(line[(brace + 1)..close]);
            var rest = line[((close < 0 ? name.Length : close + 1))..].Trim().Split(' ');
            _samples.Add((name, labels, double.Parse(rest[0], CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="match"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] match) =>
        _samples.Where(s => s.Name == name && match.All(m => s.Labels.TryGetValue(m.Key, out var v) && v == m.Value)).Sum(s => s.Value);

    public bool Has(string name, params (string Key, string Value)[] match) =>
        _samples.Any(s => s.Name == name && match.All(m => s.Labels.TryGetValue(m.Key, out var v) && v == m.Value));

    // Label values here never hold a comma or an escaped quote (model names, versions, fixed outcomes).
    private static Dictionary<string, string> Labels(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);
}
