namespace Governance.Domain.Privacy.Patterns;

/// <summary>
/// Presidio's check of an Indian registration mark: a known state or territory code followed by one of its
/// RTO district numbers, or a diplomatic mark (CC, CD, UN) after a mission number. A mark that passes is
/// certain (1.0); one that does not keeps its pattern's score, as in Presidio (the check never refuses).
/// </summary>
internal static class InVehicleRegistrations
{
    // State or territory code -> (district codes written with two digits?, the district numbers). Presidio's table.
    private static readonly Dictionary<string, (bool Padded, bool[] Districts)> Districts = new(StringComparer.Ordinal)
    {
        ["AN"] = Table(true, "1"),
        ["AP"] = Table(true, "39-40"),
        ["AR"] = Table(true, "1-17,19-20,22"),
        ["AS"] = Table(true, "1-20,22-34"),
        ["BR"] = Table(true, "1-11,19,21-22,24-34,37-39,43-46,50-53,55-56"),
        ["CG"] = Table(true, "1-30"),
        ["CH"] = Table(true, "1-4"),
        ["DD"] = Table(true, "1-3"),
        ["DN"] = Table(true, "9"),
        ["DL"] = Table(false, "1-13"),
        ["GA"] = Table(true, "1-12"),
        ["GJ"] = Table(false, "1-39"),
        ["HP"] = Table(true, "1-20,22-99"),
        ["HR"] = Table(true, "1-20,22-99"),
        ["JH"] = Table(true, "1-20,22-24"),
        ["JK"] = Table(true, "1-20,22"),
        ["KA"] = Table(true, "1-20,22-71"),
        ["KL"] = Table(true, "1-20,22-99"),
        ["LA"] = Table(true, "1-2"),
        ["LD"] = Table(true, "1-9"),
        ["MH"] = Table(true, "1-20,22-51"),
        ["ML"] = Table(true, "1-10"),
        ["MN"] = Table(true, "1-7"),
        ["MP"] = Table(true, "1-20,22-71"),
        ["MZ"] = Table(true, "1-8"),
        ["NL"] = Table(true, "1-10"),
        ["OD"] = Table(true, "1-20,22-35"),
        ["OR"] = Table(true, "1-20,22-31"),
        ["PB"] = Table(true, "1-20,22-99"),
        ["PY"] = Table(true, "1-5"),
        ["RJ"] = Table(true, "1-20,22-58"),
        ["SK"] = Table(true, "1-8"),
        ["TN"] = Table(true, "1-20,22-99"),
        ["TR"] = Table(true, "1-8"),
        ["TS"] = Table(true, "1-20,22-38"),
        ["UK"] = Table(true, "1-20"),
        ["UP"] = Table(true, "11-20,22-96"),
        ["WB"] = Table(true, "1-20,22-98"),
    };

    // Codes a two-letter mark may start with (states, territories, old and non-standard ones), some without a district table.
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "AN", "CH", "DH", "DL", "JK", "LA", "LD", "PY", "CT", "DN", "DD", "UL", "OR", "UA",
        "AP", "AR", "AS", "BR", "CG", "GA", "GJ", "HR", "HP", "JH", "KA", "KL", "MP", "MH", "MN", "ML", "MZ", "NL",
        "OD", "PB", "RJ", "SK", "TN", "TS", "TR", "UP", "UK", "WB", "UT",
    };

    private static readonly int[] ForeignMissions =
    [
        84, 85, 89, 93, 94, 95, 97, 98, 99, 102, 104, 105, 106, 109, 111, 112, 113, 117, 119, 120, 121, 122, 123, 125, 126,
        128, 133, 134, 135, 137, 141, 145, 147, 149, 152, 153, 155, 156, 157, 159, 160,
    ];

    public static MatchVerdict Verify(ReadOnlySpan<char> match)
    {
        if (match.Length < 8)
        {
            return MatchVerdict.Unchecked;
        }

        Span<char> mark = stackalloc char[match.Length];
        match.ToUpperInvariant(mark);
        return HasDistrict(mark) || IsDiplomatic(mark) ? MatchVerdict.Passed : MatchVerdict.Unchecked;
    }

    private static bool HasDistrict(ReadOnlySpan<char> mark)
    {
        var state = mark[..2].ToString();
        if (!Prefixes.Contains(state) || !char.IsAsciiDigit(mark[2]))
        {
            return false;
        }

        var district = char.IsAsciiDigit(mark[3]) ? mark[2..4] : mark[2..3];
        var serial = mark[^4..];
        if (!int.TryParse(serial, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 9999 || !Districts.TryGetValue(state, out var table))
        {
            return false;
        }

        // A table of two-digit codes takes "07" but not "7"; an unpadded one ("DL", "GJ") takes both.
        var code = int.Parse(district, System.Globalization.CultureInfo.InvariantCulture);
        var written = district.Length == 2 || !table.Padded;
        return written && code < table.Districts.Length && table.Districts[code];
    }

    private static bool IsDiplomatic(ReadOnlySpan<char> mark)
    {
        foreach (var code in (ReadOnlySpan<string>)["CC", "CD", "UN"])
        {
            var at = mark.IndexOf(code, StringComparison.Ordinal);
            if (at > 0 && int.TryParse(mark[..at], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mission)
                && (mission is >= 1 and <= 80 || Array.IndexOf(ForeignMissions, mission) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static (bool, bool[]) Table(bool padded, string ranges)
    {
        var districts = new bool[100];
        foreach (var range in ranges.Split(','))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var from = int.Parse(dash < 0 ? range : range[..dash], System.Globalization.CultureInfo.InvariantCulture);
            var to = dash < 0 ? from : int.Parse(range[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            for (var d = from; d <= to; d++)
            {
                districts[d] = true;
            }
        }

        return (padded, districts);
    }
}
