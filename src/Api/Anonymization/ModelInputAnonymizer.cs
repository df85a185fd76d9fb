using System.Text.Json.Serialization;
using Governance.Api.Configuration;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Anonymization;

/// <summary>How many values of one type were anonymized: what a response may say, never the values.</summary>
public sealed record AnonymizedCount(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("count")] int Count);

/// <summary>The text a model may see, and what was taken out of it.</summary>
public sealed record AnonymizedInput(string Text, IReadOnlyList<AnonymizedCount> Anonymized);

/// <summary>
/// Anonymizes a model's text input with the operator configured for the model
/// (Governance:Privacy:Models:&lt;name&gt;:Operator, "replace" unless set, "none" to turn it off), under
/// the calling tenant's keys. Until the policy engine issues obligations, this configuration is the policy.
/// </summary>
public sealed class ModelInputAnonymizer(PiiEngine engine, TenantKeyring keyring, IOptions<GovernanceOptions> options)
{
    public AnonymizedInput Apply(string modelName, string tenantId, string text)
    {
        var operators = OperatorsFor(modelName);
        if (operators is null)
        {
            return new AnonymizedInput(text, []);
        }

        var result = engine.Anonymize(text, operators, keyring.For(tenantId));
        return new AnonymizedInput(result.Text, CountByType(result.Items));
    }

    /// <summary>The operators configured for the model; null when its anonymization is turned off ("none").</summary>
    public OperatorSet? OperatorsFor(string modelName)
    {
        var name = options.Value.Privacy.OperatorFor(modelName);
        if (string.Equals(name, PrivacyOptions.NoOperator, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!OperatorNames.TryParse(name, out var type))
        {
            // Start-up validation refuses unknown names; this is the fail-closed backstop.
            throw new InvalidOperationException($"Model '{modelName}' is configured with unknown operator '{name}'.");
        }

        return OperatorSet.All(new OperatorSpec(type));
    }

    public static IReadOnlyList<AnonymizedCount> CountByType(IReadOnlyList<ReplacedSpan> items)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        AddCounts(counts, items);
        return ToList(counts);
    }

    public static void AddCounts(SortedDictionary<string, int> counts, IReadOnlyList<ReplacedSpan> items)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            counts[item.EntityType] = counts.GetValueOrDefault(item.EntityType) + 1;
        }
    }

    public static IReadOnlyList<AnonymizedCount> ToList(SortedDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var list = new List<AnonymizedCount>(counts.Count);
        foreach (var (type, count) in counts)
        {
            list.Add(new AnonymizedCount(type, count));
        }

        return list;
    }
}
