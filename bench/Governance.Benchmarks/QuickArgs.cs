namespace Governance.Benchmarks;

/// <summary>
/// <c>--quick</c> stands for <c>--job short</c> (and <c>--filter *</c> when no filter is given), so that
/// a whole run fits in a few minutes on a 2-core machine instead of BenchmarkDotNet's default of ~20.
/// </summary>
internal static class QuickArgs
{
    public static string[] Expand(string[] args)
    {
        if (Array.IndexOf(args, "--quick") < 0)
        {
            return args;
        }

        var expanded = new List<string>(args.Length + 3);
        foreach (var arg in args)
        {
            if (arg == "--quick")
            {
                expanded.Add("--job");
                expanded.Add("short");
            }
            else
            {
                expanded.Add(arg);
            }
        }

        if (!expanded.Contains("--filter"))
        {
            expanded.Add("--filter");
            expanded.Add("*");
        }

        return [.. expanded];
    }
}
