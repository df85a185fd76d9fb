namespace Governance.Domain.Policies;

/// <summary>
/// Turns conditions into delegates once per activation: each comparison reads one context slot and
/// compares with a literal captured at compile time, so evaluating parses and reflects nothing.
/// </summary>
public static class PolicyCompiler
{
    public static CompiledPolicySet Compile(PolicyDocument document, string version)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rules = new CompiledRule[document.Rules.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = document.Rules[i];
            rules[i] = new CompiledRule(rule, i, Compile(rule.When));
        }

        return new CompiledPolicySet(version, document, rules);
    }

    public static Func<DecisionContext, bool> Compile(Condition? condition) => condition switch
    {
        null => static _ => true,
        AllCondition all => AllOf([.. all.Items.Select(Compile)]),
        AnyCondition any => AnyOf([.. any.Items.Select(Compile)]),
        NotCondition not => Negate(Compile(not.Inner)),
        Comparison c => CompileComparison(c),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    private static Func<DecisionContext, bool> AllOf(Func<DecisionContext, bool>[] items) => items.Length switch
    {
        0 => static _ => true,
        1 => items[0],
        2 => Both(items[0], items[1]),
        _ => ctx =>
        {
            foreach (var item in items)
            {
                if (!item(ctx))
                {
                    return false;
                }
            }

            return true;
        }
        ,
    };

    private static Func<DecisionContext, bool> Both(Func<DecisionContext, bool> a, Func<DecisionContext, bool> b) => ctx => a(ctx) && b(ctx);

    private static Func<DecisionContext, bool> AnyOf(Func<DecisionContext, bool>[] items) => items.Length switch
    {
        0 => static _ => false,
        1 => items[0],
        _ => ctx =>
        {
            foreach (var item in items)
            {
                if (item(ctx))
                {
                    return true;
                }
            }

            return false;
        }
        ,
    };

    private static Func<DecisionContext, bool> Negate(Func<DecisionContext, bool> inner) => ctx => !inner(ctx);

    private static Func<DecisionContext, bool> CompileComparison(Comparison c)
    {
        var slot = c.Attribute.Slot;
        var number = c.Number;
        var text = c.Text;
        return c.Operator switch
        {
            ComparisonOperator.Exists when number != 0 => ctx => ctx.Values[slot].Kind != ValueKind.Missing,
            ComparisonOperator.Exists => ctx => ctx.Values[slot].Kind == ValueKind.Missing,
            ComparisonOperator.Equals when c.Attribute.Type == AttributeType.String => ctx => string.Equals(ctx.Values[slot].Text, text, StringComparison.Ordinal),
            ComparisonOperator.Equals when c.Attribute.Type == AttributeType.Boolean => ctx => ctx.Values[slot].Kind == ValueKind.Boolean && ctx.Values[slot].Number == number,
            ComparisonOperator.Equals => ctx => ctx.Values[slot].Kind == ValueKind.Number && ctx.Values[slot].Number == number,
            ComparisonOperator.In when c.List is not null => CompileIn(slot, [.. c.List]),
            ComparisonOperator.In => CompileIn(slot, [.. c.NumberList!]),
            ComparisonOperator.Contains => ctx => ctx.Values[slot].Set is { } set && Array.IndexOf(set, text) >= 0,
            ComparisonOperator.LessThan => ctx => ctx.Values[slot].Kind == ValueKind.Number && ctx.Values[slot].Number < number,
            ComparisonOperator.LessOrEqual => ctx => ctx.Values[slot].Kind == ValueKind.Number && ctx.Values[slot].Number <= number,
            ComparisonOperator.GreaterThan => ctx => ctx.Values[slot].Kind == ValueKind.Number && ctx.Values[slot].Number > number,
            ComparisonOperator.GreaterOrEqual => ctx => ctx.Values[slot].Kind == ValueKind.Number && ctx.Values[slot].Number >= number,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    private static Func<DecisionContext, bool> CompileIn(int slot, string[] values)
    {
        if (values.Length > 8)
        {
            var set = System.Collections.Frozen.FrozenSet.ToFrozenSet(values, StringComparer.Ordinal);
            return ctx => ctx.Values[slot].Text is { } t && set.Contains(t);
        }

        return ctx =>
        {
            var t = ctx.Values[slot].Text;
            if (t is null)
            {
                return false;
            }

            foreach (var v in values)
            {
                if (string.Equals(v, t, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static Func<DecisionContext, bool> CompileIn(int slot, double[] values) => ctx =>
    {
        ref readonly var v = ref ctx.Values[slot];
        return v.Kind == ValueKind.Number && Array.IndexOf(values, v.Number) >= 0;
    };
}
