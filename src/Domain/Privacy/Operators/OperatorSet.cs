namespace Governance.Domain.Privacy.Operators;

/// <summary>Which operator applies to which entity type; types without their own entry get <see cref="Default"/>.</summary>
public sealed class OperatorSet
{
    /// <summary>The key requests use for the fallback operator.</summary>
    public const string DefaultKey = "DEFAULT";

    public static readonly OperatorSet ReplaceAll = new(new Dictionary<string, OperatorSpec>(StringComparer.Ordinal));

    private readonly Dictionary<string, OperatorSpec> _byType;

    public OperatorSet(IReadOnlyDictionary<string, OperatorSpec> byType, OperatorSpec? defaultSpec = null)
    {
        ArgumentNullException.ThrowIfNull(byType);
        _byType = new Dictionary<string, OperatorSpec>(StringComparer.Ordinal);
        foreach (var (type, spec) in byType)
        {
            if (type == DefaultKey)
            {
                defaultSpec ??= spec;
            }
            else
            {
                _byType[type] = spec;
            }
        }

        Default = defaultSpec ?? OperatorSpec.Replace;
    }

    public OperatorSpec Default { get; }

    /// <summary>One operator for every type.</summary>
    public static OperatorSet All(OperatorSpec spec) => new(new Dictionary<string, OperatorSpec>(StringComparer.Ordinal), spec);

    public OperatorSpec For(string entityType) => _byType.GetValueOrDefault(entityType) ?? Default;
}
