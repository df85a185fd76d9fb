namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// How one entity type is anonymized. Only the members of the chosen <see cref="Type"/> matter:
/// replace uses <see cref="NewValue"/>; mask uses <see cref="MaskingChar"/>, <see cref="CharsToMask"/>
/// and <see cref="FromEnd"/> (Presidio's meaning) or <see cref="KeepLast"/>; hash uses
/// <see cref="HashLength"/>.
/// </summary>
public sealed record OperatorSpec(OperatorType Type)
{
    public const int DefaultHashLength = 16;

    public static readonly OperatorSpec Replace = new(OperatorType.Replace);

    /// <summary>Replacement text; null means <c>&lt;ENTITY_TYPE&gt;</c>.</summary>
    public string? NewValue { get; init; }

    public char MaskingChar { get; init; } = '*';

    /// <summary>How many characters to mask; null masks them all.</summary>
    public int? CharsToMask { get; init; }

    /// <summary>Mask from the end instead of the start.</summary>
    public bool FromEnd { get; init; }

    /// <summary>When set, masks everything but the last n characters (card numbers: keep the last 4).</summary>
    public int? KeepLast { get; init; }

    /// <summary>Hex characters of the HMAC kept in a hash token (8..64).</summary>
    public int HashLength { get; init; } = DefaultHashLength;

    public string Name => OperatorNames.NameOf(Type);
}
