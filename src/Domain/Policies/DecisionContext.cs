namespace Governance.Domain.Policies;

/// <summary>
/// The attributes a decision is made on, one slot per vocabulary attribute, plus the data subject's
/// consent per purpose (what require_consent checks). Never holds payload values.
/// </summary>
public sealed class DecisionContext
{
    private readonly List<KeyValuePair<string, string>> _consents = [];

    public PolicyValue[] Values { get; } = new PolicyValue[PolicyVocabulary.Count];

    /// <summary>Consent state per purpose, as looked up for this call (absent means "none").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Consents => _consents;

    public PolicyValue this[AttributeDefinition attribute]
    {
        get => Values[attribute.Slot];
        set => Values[attribute.Slot] = value;
    }

    public DecisionContext Set(AttributeDefinition attribute, PolicyValue value)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        Values[attribute.Slot] = value;
        return this;
    }

    public DecisionContext WithConsent(string purpose, string state)
    {
        for (var i = 0; i < _consents.Count; i++)
        {
            if (string.Equals(_consents[i].Key, purpose, StringComparison.Ordinal))
            {
                _consents[i] = new(purpose, state);
                return this;
            }
        }

        _consents.Add(new(purpose, state));
        return this;
    }

    /// <summary>The consent state for a purpose; "none" when nothing was recorded (fail closed).</summary>
    public string ConsentFor(string? purpose)
    {
        if (purpose is null)
        {
            return "none";
        }

        for (var i = 0; i < _consents.Count; i++)
        {
            if (string.Equals(_consents[i].Key, purpose, StringComparison.Ordinal))
            {
                return _consents[i].Value;
            }
        }

        return "none";
    }

    /// <summary>Sets the time attributes (UTC) from one instant.</summary>
    public DecisionContext AtTime(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        Values[PolicyVocabulary.TimeHour.Slot] = PolicyValue.Of(utc.Hour);
        Values[PolicyVocabulary.TimeWeekday.Slot] = PolicyValue.Of(PolicyVocabulary.Weekdays[((int)utc.DayOfWeek + 6) % 7]);
        Values[PolicyVocabulary.TimeDate.Slot] = PolicyValue.OfDate(DateOnly.FromDateTime(utc));
        return this;
    }
}
