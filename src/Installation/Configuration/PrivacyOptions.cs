namespace Governance.Installation.Configuration;

/// <summary>The "Governance:Privacy" section: where the master key lives and how each model's input is anonymized.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The operator a model gets when it has no entry in <see cref="Models"/>.</summary>
    public const string DefaultOperator = "replace";

    /// <summary>The operator name that turns input anonymization off for a model.</summary>
    public const string NoOperator = "none";

    /// <summary>32 random bytes from which every tenant's anonymization keys are derived; created on first run.</summary>
    public string MasterKeyFile { get; set; } = "";

    /// <summary>Per model name (until the policy engine issues anonymization obligations).</summary>
    public Dictionary<string, ModelPrivacyOptions> Models { get; set; } = new(StringComparer.Ordinal);

    public string OperatorFor(string modelName) =>
        Models.TryGetValue(modelName, out var model) && !string.IsNullOrWhiteSpace(model.Operator) ? model.Operator : DefaultOperator;
}

public sealed class ModelPrivacyOptions
{
    /// <summary>redact, replace, mask, hash, encrypt, pseudonym, or "none".</summary>
    public string Operator { get; set; } = PrivacyOptions.DefaultOperator;
}
