using System.Text;

namespace Governance.Domain.Privacy.Operators;

/// <summary>
/// Applies operators to the spans an analyzer found. Overlapping entities are resolved first: the
/// earliest-starting, then longest, entity names the span, and the span grows to cover everything
/// that overlaps it, so no fragment of an overlapping value is left in clear.
/// </summary>
public static class TextAnonymizer
{
    public static AnonymizationResult Anonymize(string text, IReadOnlyList<PiiEntity> entities, OperatorSet operators, AnonymizationKeys keys)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(keys);
        if (entities.Count == 0)
        {
            return new AnonymizationResult(text, []);
        }

        var ordered = new PiiEntity[entities.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var e = entities[i];
            if (e.Start < 0 || e.End > text.Length || e.Start >= e.End)
            {
                throw new ArgumentOutOfRangeException(nameof(entities), $"Entity {e.EntityType} [{e.Start}, {e.End}) lies outside the text.");
            }

            ordered[i] = e;
        }

        Array.Sort(ordered, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var builder = new StringBuilder(text.Length);
        var items = new List<ReplacedSpan>();
        var copied = 0;
        var next = 0;
        while (next < ordered.Length)
        {
            var head = ordered[next];
            var end = head.End;
            for (next++; next < ordered.Length && ordered[next].Start < end; next++)
            {
                end = Math.Max(end, ordered[next].End);
            }

            builder.Append(text, copied, head.Start - copied);
            var spec = operators.For(head.EntityType);
            var start = builder.Length;
            builder.Append(Apply(spec, head.EntityType, text[head.Start..end], keys));
            items.Add(new ReplacedSpan(head.EntityType, start, builder.Length, spec.Name));
            copied = end;
        }

        builder.Append(text, copied, text.Length - copied);
        return new AnonymizationResult(builder.ToString(), items);
    }

    private static string Apply(OperatorSpec spec, string entityType, string value, AnonymizationKeys keys) => spec.Type switch
    {
        OperatorType.Redact => "",
        OperatorType.Replace => spec.NewValue ?? string.Concat("<", entityType, ">"),
        OperatorType.Mask => MaskOperator.Apply(value, spec),
        OperatorType.Hash => KeyedDigest.HashToken(keys.HmacKey, entityType, value, spec.HashLength),
        OperatorType.Encrypt => EncryptOperator.Encrypt(keys, entityType, value),
        OperatorType.Pseudonym => PseudonymOperator.Apply(keys.HmacKey, entityType, value),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "Unknown operator."),
    };
}
