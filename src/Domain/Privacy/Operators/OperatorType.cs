namespace Governance.Domain.Privacy.Operators;

public enum OperatorType
{
    Replace,
    Redact,
    Mask,
    Hash,
    Encrypt,
    Pseudonym,
}

/// <summary>The operator names as they appear in requests and results (Presidio's, lower case).</summary>
public static class OperatorNames
{
    public const string Replace = "replace";
    public const string Redact = "redact";
    public const string Mask = "mask";
    public const string Hash = "hash";
    public const string Encrypt = "encrypt";
    public const string Pseudonym = "pseudonym";

    public static readonly IReadOnlyList<string> All = [Replace, Redact, Mask, Hash, Encrypt, Pseudonym];

    public static string NameOf(OperatorType type) => type switch
    {
        OperatorType.Replace => Replace,
        OperatorType.Redact => Redact,
        OperatorType.Mask => Mask,
        OperatorType.Hash => Hash,
        OperatorType.Encrypt => Encrypt,
        OperatorType.Pseudonym => Pseudonym,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out OperatorType type)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                type = Parse(All[i]);
                return true;
            }
        }

        type = default;
        return false;
    }

    private static OperatorType Parse(string name) => name switch
    {
        Replace => OperatorType.Replace,
        Redact => OperatorType.Redact,
        Mask => OperatorType.Mask,
        Hash => OperatorType.Hash,
        Encrypt => OperatorType.Encrypt,
        _ => OperatorType.Pseudonym,
    };
}
