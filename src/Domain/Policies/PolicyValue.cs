namespace Governance.Domain.Policies;

public enum ValueKind : byte
{
    Missing,
    String,
    Number,
    Boolean,
    Set,
}

/// <summary>One attribute's value in a context. A struct in a flat array: reading it allocates nothing.</summary>
public readonly record struct PolicyValue(ValueKind Kind, string? Text, double Number, string[]? Set)
{
    public static readonly PolicyValue Missing;

    public bool Bool => Kind == ValueKind.Boolean && Number != 0;

    public static PolicyValue Of(string? text) => text is null ? Missing : new(ValueKind.String, text, 0, null);

    public static PolicyValue Of(double number) => new(ValueKind.Number, null, number, null);

    public static PolicyValue Of(bool value) => new(ValueKind.Boolean, null, value ? 1 : 0, null);

    public static PolicyValue Of(string[]? set) => set is null ? Missing : new(ValueKind.Set, null, 0, set);

    public static PolicyValue OfDate(DateOnly date) => new(ValueKind.Number, null, date.DayNumber, null);
}
