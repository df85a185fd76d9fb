namespace Governance.Domain.Privacy.Operators;

internal static class MaskOperator
{
    public static string Apply(string value, OperatorSpec spec)
    {
        var length = value.Length;
        int start, count;
        if (spec.KeepLast is int keep)
        {
            start = 0;
            count = Math.Max(0, length - Math.Max(0, keep));
        }
        else
        {
            count = Math.Clamp(spec.CharsToMask ?? length, 0, length);
            start = spec.FromEnd ? length - count : 0;
        }

        var end = start + count;
        if (count == 0)
        {
            return value;
        }

        // Never leave half of a surrogate pair behind: it would be an unpaired (invalid) character.
        if (start > 0 && char.IsLowSurrogate(value[start]))
        {
            start--;
        }

        if (end < length && char.IsLowSurrogate(value[end]))
        {
            end++;
        }

        return string.Create(length, (value, start, end, spec.MaskingChar), static (span, s) =>
        {
            s.value.AsSpan().CopyTo(span);
            span[s.start..s.end].Fill(s.MaskingChar);
        });
    }
}
