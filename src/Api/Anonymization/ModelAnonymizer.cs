using System.Text.Json.Serialization;
using Governance.Api.Configuration;
using Governance.Api.PolicyEngine;
using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;
using Governance.Installation.Configuration;
using Governance.Installation.Privacy;
using Microsoft.Extensions.Options;

namespace Governance.Api.Anonymization;

/// <summary>How many values of one type were anonymized: what a response may say, never the values.</summary>
public sealed record AnonymizedCount(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("count")] int Count)
{
    internal static void Tally(SortedDictionary<string, int> counts, IReadOnlyList<ReplacedSpan> items)
    {
        foreach (var item in items)
        {
            counts[item.EntityType] = counts.GetValueOrDefault(item.EntityType) + 1;
        }
    }

    internal static IReadOnlyList<AnonymizedCount> ListOf(SortedDictionary<string, int> counts)
    {
        var list = new List<AnonymizedCount>(counts.Count);
        foreach (var (type, count) in counts)
        {
            list.Add(new AnonymizedCount(type, count));
        }

        return list;
    }
}

/// <summary>The text a model may see, and what was taken out of it.</summary>
public sealed record AnonymizedInput(string Text, IReadOnlyList<AnonymizedCount> Anonymized);

/// <summary>
/// Anonymizes what a governed model call carries, under the calling tenant's keys, with one source of
/// operator settings (docs/anonymization.md): the decision's anonymize obligation when a rule issued one,
/// otherwise the model's configured operator (Governance:Privacy:Models:&lt;name&gt;:Operator, "replace"
/// unless set, "none" to turn it off). Scoped, because the obligation is this request's decision.
/// </summary>
public sealed class ModelAnonymizer(PolicyDecisionScope decisions, PiiEngine engine, TenantKeyring keyring, IOptions<GovernanceOptions> options)
{
    /// <summary>A text input: the obligation's operator on its entity types (every type when it names none).</summary>
    public AnonymizedInput Apply(string modelName, string tenantId, string text)
    {
        if (SettingsFor(modelName) is not { } settings)
        {
            return new AnonymizedInput(text, []);
        }

        var result = engine.Anonymize(text, settings.Operators, keyring.For(tenantId), settings.Entities);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        AnonymizedCount.Tally(counts, result.Items);
        return new AnonymizedInput(result.Text, AnonymizedCount.ListOf(counts));
    }

    /// <summary>
    /// One Open Inference Protocol call: its request and its response share the count of what was replaced.
    /// Tensors get the operator on every entity type, even where an obligation names some: stricter than a subset.
    /// </summary>
    public TensorAnonymization Begin(string modelName, string tenantId) =>
        SettingsFor(modelName) is { } settings
            ? new TensorAnonymization(engine, settings.Operators, keyring.For(tenantId))
            : TensorAnonymization.Off;

    // The one place the operator is chosen; null when the model's anonymization is off and no rule turned it on.
    private (OperatorSet Operators, IReadOnlyCollection<string>? Entities)? SettingsFor(string modelName)
    {
        var obligations = decisions.Obligations;
        if (obligations.AnonymizeOperator is { } obliged)
        {
            // The policy parser accepts only known operators; this is the fail-closed backstop.
            return OperatorNames.TryParse(obliged, out var type)
                ? (OperatorSet.All(new OperatorSpec(type)), obligations.AnonymizeEntities.Count > 0 ? [.. obligations.AnonymizeEntities] : null)
                : throw new InvalidOperationException($"The anonymize obligation names unknown operator '{obliged}'.");
        }

        var name = options.Value.Privacy.OperatorFor(modelName);
        if (string.Equals(name, PrivacyOptions.NoOperator, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Start-up validation refuses unknown names; this is the fail-closed backstop.
        return OperatorNames.TryParse(name, out var configured)
            ? (OperatorSet.All(new OperatorSpec(configured)), null)
            : throw new InvalidOperationException($"Model '{modelName}' is configured with unknown operator '{name}'.");
    }
}
