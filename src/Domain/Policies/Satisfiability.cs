namespace Governance.Domain.Policies;

internal enum Truth
{
    Unknown,
    True,
    False,
}

/// <summary>
/// Decides, where it can, that a condition is constant: literals outside an attribute's range, empty
/// 'in' or 'any' lists, and contradictions between the conjuncts of one 'all' on the same attribute.
/// </summary>
internal static class Satisfiability
{
    public static Truth Of(Condition? condition) => condition switch
    {
        null => Truth.True,
        AllCondition all => All(all.Items),
        AnyCondition any => Any(any.Items),
        NotCondition not => Of(not.Inner) switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown },
        Comparison c => OfComparison(c),
        _ => Truth.Unknown,
    };

    private static Truth All(IReadOnlyList<Condition> items)
    {
        var allTrue = true;
        foreach (var item in items)
        {
            var t = Of(item);
            if (t == Truth.False)
            {
                return Truth.False;
            }

            allTrue &= t == Truth.True;
        }

        return Contradicts(items) ? Truth.False : allTrue ? Truth.True : Truth.Unknown;
    }

    private static Truth Any(IReadOnlyList<Condition> items)
    {
        var allFalse = true;
        foreach (var item in items)
        {
            var t = Of(item);
            if (t == Truth.True)
            {
                return Truth.True;
            }

            allFalse &= t == Truth.False;
        }

        return allFalse ? Truth.False : Truth.Unknown;
    }

    private static Truth OfComparison(Comparison c)
    {
        var (min, max) = (c.Attribute.Min ?? double.NegativeInfinity, c.Attribute.Max ?? double.PositiveInfinity);
        return c.Operator switch
        {
            ComparisonOperator.In when (c.List?.Count ?? c.NumberList!.Count) == 0 => Truth.False,
            ComparisonOperator.Equals when c.Attribute.Type == AttributeType.Number && (c.Number < min || c.Number > max) => Truth.False,
            ComparisonOperator.LessThan when c.Number <= min => Truth.False,
            ComparisonOperator.LessOrEqual when c.Number < min => Truth.False,
            ComparisonOperator.GreaterThan when c.Number >= max => Truth.False,
            ComparisonOperator.GreaterOrEqual when c.Number > max => Truth.False,
            _ => Truth.Unknown,
        };
    }

    /// <summary>Conjuncts on one attribute that no single value satisfies.</summary>
    private static bool Contradicts(IReadOnlyList<Condition> items)
    {
        foreach (var group in items.OfType<Comparison>().GroupBy(c => c.Attribute.Slot))
        {
            var list = group.ToList();
            var present = list.Any(c => c.Operator != ComparisonOperator.Exists || c.Number != 0);
            if (present && list.Any(c => c.Operator == ComparisonOperator.Exists && c.Number == 0))
            {
                return true;
            }

            if (list[0].Attribute.Type == AttributeType.StringSet)
            {
                continue;
            }

            var (low, lowOpen, high, highOpen) = (double.NegativeInfinity, false, double.PositiveInfinity, false);
            HashSet<string>? strings = null;
            foreach (var c in list)
            {
                switch (c.Operator)
                {
                    case ComparisonOperator.Equals when c.Attribute.Type == AttributeType.String:
                        strings = Intersect(strings, [c.Text!]);
                        break;
                    case ComparisonOperator.In when c.List is not null:
                        strings = Intersect(strings, c.List);
                        break;
                    case ComparisonOperator.Equals:
                        (low, lowOpen) = Max(low, lowOpen, c.Number, false);
                        (high, highOpen) = Min(high, highOpen, c.Number, false);
                        break;
                    case ComparisonOperator.GreaterThan:
                        (low, lowOpen) = Max(low, lowOpen, c.Number, true);
                        break;
                    case ComparisonOperator.GreaterOrEqual:
                        (low, lowOpen) = Max(low, lowOpen, c.Number, false);
                        break;
                    case ComparisonOperator.LessThan:
                        (high, highOpen) = Min(high, highOpen, c.Number, true);
                        break;
                    case ComparisonOperator.LessOrEqual:
                        (high, highOpen) = Min(high, highOpen, c.Number, false);
                        break;
                }
            }

            if (strings is { Count: 0 } || low > high || (low == high && (lowOpen || highOpen)))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Intersect(HashSet<string>? current, IEnumerable<string> values)
    {
        if (current is null)
        {
            return new HashSet<string>(values, StringComparer.Ordinal);
        }

        current.IntersectWith(values);
        return current;
    }

    private static (double, bool) Max(double value, bool open, double candidate, bool candidateOpen) =>
        candidate > value || (candidate == value && candidateOpen) ? (candidate, candidateOpen) : (value, open);

    private static (double, bool) Min(double value, bool open, double candidate, bool candidateOpen) =>
        candidate < value || (candidate == value && candidateOpen) ? (candidate, candidateOpen) : (value, open);
}
