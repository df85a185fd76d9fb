using System.Globalization;

namespace Governance.Domain.Policies;

/// <summary>A condition written out in one normal form: used to compare conditions and in explanations.</summary>
public static class ConditionText
{
    public static string Of(Condition? condition) => condition switch
    {
        null => "always",
        AllCondition a => a.Items.Count == 0 ? "always" : "all(" + string.Join(", ", a.Items.Select(Of)) + ")",
        AnyCondition a => "any(" + string.Join(", ", a.Items.Select(Of)) + ")",
        NotCondition n => "not(" + Of(n.Inner) + ")",
        Comparison c => $"{c.Attribute.Path} {ConditionParser.OperatorName(c.Operator)} {Literal(c)}",
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    /// <summary>The top-level conjuncts of a condition (nested 'all' flattened), each in normal form.</summary>
    public static HashSet<string> Conjuncts(Condition? condition)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        void Add(Condition? c)
        {
            if (c is AllCondition all)
            {
                foreach (var item in all.Items)
                {
                    Add(item);
                }
            }
            else if (c is not null)
            {
                set.Add(Of(c));
            }
        }

        Add(condition);
        return set;
    }

    private static string Literal(Comparison c) => c.Operator switch
    {
        ComparisonOperator.In when c.List is not null => "[" + string.Join(", ", c.List) + "]",
        ComparisonOperator.In => "[" + string.Join(", ", c.NumberList!.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]",
        ComparisonOperator.Exists => c.Number != 0 ? "true" : "false",
        _ => c.Attribute.Type switch
        {
            AttributeType.Boolean => c.Number != 0 ? "true" : "false",
            AttributeType.Number => c.Number.ToString(CultureInfo.InvariantCulture),
            _ => c.Text ?? "",
        },
    };
}
