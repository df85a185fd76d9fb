namespace Governance.Domain.Policies;

/// <summary>
/// The names and strength orders of obligations. When two matching rules conflict, the stricter one wins:
/// the shorter retention, the stronger anonymization operator, the stronger watermark method.
/// </summary>
public static class ObligationNames
{
    public const string RequireConsent = "require_consent";
    public const string Anonymize = "anonymize";
    public const string EncryptPayloads = "encrypt_payloads";
    public const string Watermark = "watermark";
    public const string Retention = "retention";
    public const string RequireLicense = "require_license";

    public static readonly IReadOnlyList<string> All = [RequireConsent, Anonymize, EncryptPayloads, Watermark, Retention, RequireLicense];

    /// <summary>Weakest first: encrypt is reversible, mask may keep characters, hash and pseudonym link, replace and redact do not.</summary>
    public static readonly IReadOnlyList<string> Operators = ["encrypt", "mask", "pseudonym", "hash", "replace", "redact"];

    /// <summary>Weakest first: a metadata mark can be stripped; a statistical (key-based) mark survives in the output itself.</summary>
    public static readonly IReadOnlyList<string> WatermarkMethods = ["metadata", "statistical"];

    public const int MaxRetentionDays = 36_500;

    /// <summary>The obligations a rule's effect carries, in the order of <see cref="All"/>.</summary>
    public static IEnumerable<string> Of(ObligationsEffect o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.RequireConsent is not null)
        {
            yield return RequireConsent;
        }

        if (o.Anonymize is not null)
        {
            yield return Anonymize;
        }

        if (o.EncryptPayloads)
        {
            yield return EncryptPayloads;
        }

        if (o.Watermark is not null)
        {
            yield return Watermark;
        }

        if (o.RetentionDays is not null)
        {
            yield return Retention;
        }

        if (o.RequireLicense)
        {
            yield return RequireLicense;
        }
    }

    public static int OperatorRank(string op) => IndexOf(Operators, op);

    public static int WatermarkRank(string method) => IndexOf(WatermarkMethods, method);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The obligations of one decision after merging every matching rule's.</summary>
public sealed record MergedObligations
{
    public static readonly MergedObligations None = new();

    /// <summary>Purposes consent was required for (already checked: a decision that allows had them granted).</summary>
    public IReadOnlyList<string> ConsentPurposes { get; init; } = [];

    /// <summary>The operator to anonymize with, or null when no rule asked for anonymization.</summary>
    public string? AnonymizeOperator { get; init; }

    /// <summary>The entity types to anonymize; empty with an operator set means every type.</summary>
    public IReadOnlyList<string> AnonymizeEntities { get; init; } = [];

    public bool EncryptPayloads { get; init; }

    public string? Watermark { get; init; }

    public int? RetentionDays { get; init; }

    public bool RequireLicense { get; init; }

    public bool IsEmpty => ConsentPurposes.Count == 0 && AnonymizeOperator is null && !EncryptPayloads && Watermark is null && RetentionDays is null && !RequireLicense;

    /// <summary>One stable key per obligation, what simulation compares ("retention:30", "anonymize:redact:EMAIL_ADDRESS").</summary>
    public IReadOnlyList<string> Keys()
    {
        var keys = new List<string>();
        foreach (var purpose in ConsentPurposes)
        {
            keys.Add($"{ObligationNames.RequireConsent}:{purpose}");
        }

        if (AnonymizeOperator is not null)
        {
            keys.Add($"{ObligationNames.Anonymize}:{AnonymizeOperator}:{(AnonymizeEntities.Count == 0 ? "*" : string.Join(',', AnonymizeEntities))}");
        }

        if (EncryptPayloads)
        {
            keys.Add(ObligationNames.EncryptPayloads);
        }

        if (Watermark is not null)
        {
            keys.Add($"{ObligationNames.Watermark}:{Watermark}");
        }

        if (RetentionDays is { } days)
        {
            keys.Add($"{ObligationNames.Retention}:{days}");
        }

        if (RequireLicense)
        {
            keys.Add(ObligationNames.RequireLicense);
        }

        return keys;
    }
}
