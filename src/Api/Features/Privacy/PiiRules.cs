using Governance.Domain.Privacy;
using Governance.Domain.Privacy.Operators;

namespace Governance.Api.Features.Privacy;

/// <summary>Validation rules and mapping the analyze and anonymize requests share.</summary>
public static class PiiRules
{
    public const int MaxTextLength = 1_000_000;

    /// <summary>Every problem with one operator entry, or none.</summary>
    public static IEnumerable<string> Problems(PiiEngine engine, string entityType, OperatorBody body)
    {
        if (entityType != OperatorSet.DefaultKey && !engine.EntityTypes.Contains(entityType))
        {
            yield return $"Unknown entity type '{entityType}'.";
        }

        if (!OperatorNames.TryParse(body.Type, out _))
        {
            yield return $"Unknown operator type '{body.Type}' for {entityType}; use one of {string.Join(", ", OperatorNames.All)}.";
        }

        if (body.MaskingChar is not null && body.MaskingChar.Length != 1)
        {
            yield return $"'masking_char' for {entityType} must be exactly one character.";
        }

        if (body.CharsToMask < 0 || body.KeepLast < 0)
        {
            yield return $"'chars_to_mask' and 'keep_last' for {entityType} may not be negative.";
        }

        if (body.HashLength is < 8 or > 64)
        {
            yield return $"'hash_length' for {entityType} must be between 8 and 64.";
        }
    }

    public static OperatorSpec ToSpec(OperatorBody body)
    {
        _ = OperatorNames.TryParse(body.Type, out var type);
        return new OperatorSpec(type)
        {
            NewValue = body.NewValue,
            MaskingChar = body.MaskingChar is { Length: 1 } c ? c[0] : '*',
            CharsToMask = body.CharsToMask,
            FromEnd = body.FromEnd ?? false,
            KeepLast = body.KeepLast,
            HashLength = body.HashLength ?? OperatorSpec.DefaultHashLength,
        };
    }

    public static OperatorSet ToSet(IReadOnlyDictionary<string, OperatorBody>? operators)
    {
        var specs = new Dictionary<string, OperatorSpec>(StringComparer.Ordinal);
        foreach (var (type, body) in operators ?? new Dictionary<string, OperatorBody>())
        {
            specs[type] = ToSpec(body);
        }

        return new OperatorSet(specs);
    }

    public static bool NeedsKeys(OperatorSet operators, IReadOnlyDictionary<string, OperatorBody>? bodies)
    {
        if (IsKeyed(operators.Default.Type))
        {
            return true;
        }

        foreach (var body in bodies?.Values ?? [])
        {
            if (OperatorNames.TryParse(body.Type, out var type) && IsKeyed(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyed(OperatorType type) => type is OperatorType.Hash or OperatorType.Encrypt or OperatorType.Pseudonym;
}
