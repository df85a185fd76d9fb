namespace Governance.Domain.Models;

/// <summary>
/// The closed vocabulary of data categories a manifest may declare (model.data_categories in policies).
/// Closed on purpose: a policy that says <c>contains: health</c> must not miss a model declared "medical".
/// </summary>
public static class DataCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "public", "internal", "personal", "contact", "financial", "health", "biometric", "genetic",
        "location", "children", "criminal", "political", "religious", "ethnic", "sexual-orientation", "trade-union",
    ];

    public static bool IsKnown(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);

    /// <summary>Every problem with a declared list, worded for an admin; empty when the list is fine.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string>? categories)
    {
        if (categories is null)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var unknown in categories.Where(c => !IsKnown(c)).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"Unknown data category '{unknown}'; use one of: {string.Join(", ", All)}.");
        }

        if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
        {
            problems.Add("Data categories must be unique.");
        }

        return problems;
    }
}
