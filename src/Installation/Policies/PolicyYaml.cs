using System.Globalization;
using System.Text.Json.Nodes;
using Governance.Domain.Policies;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Governance.Installation.Policies;

/// <summary>
/// YAML to the JSON form the domain validates. Plain scalars are typed as YAML 1.2's core schema types
/// them (true/false, numbers, null); quoted scalars stay strings. Anchors and tags are refused: a policy
/// reads the same to every reader. Nesting is bounded by an event pass before the tree is built: the
/// tree builder and the JSON writer recurse, and 100,000 levels overflowed the stack (issue 11).
/// </summary>
public static class PolicyYaml
{
    /// <summary>Real policies nest about ten levels; the JSON writer's own limit is 64.</summary>
    public const int MaxDepth = 32;

    public static (JsonNode? Node, PolicyError? Error) Parse(string yaml)
    {
        try
        {
            if (Prescan(yaml) is { } refused)
            {
                return (null, refused);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1)
            {
                return (null, new PolicyError(PolicyErrorCodes.Syntax, null, "", "A policy is exactly one YAML document."));
            }

            return (Convert(stream.Documents[0].RootNode), null);
        }
        catch (YamlException ex)
        {
            return (null, new PolicyError(PolicyErrorCodes.Syntax, null, "", $"YAML syntax error at line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}"));
        }
        catch (NotSupportedException ex)
        {
            return (null, new PolicyError(PolicyErrorCodes.Syntax, null, "", ex.Message));
        }
    }

    // The parser is a state machine (no recursion), so this pass is safe at any depth; it stops at the first offence.
    private static PolicyError? Prescan(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case NodeEvent { Tag.IsEmpty: false } tagged:
                    return new PolicyError(PolicyErrorCodes.Syntax, null, "", $"YAML tags ({tagged.Tag}) are not allowed in a policy (line {tagged.Start.Line}).");
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    return new PolicyError(PolicyErrorCodes.TooDeep, null, "", $"A policy may nest at most {MaxDepth} levels (line {parser.Current.Start.Line}).");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static JsonNode? Convert(YamlNode node)
    {
        if (!node.Tag.IsEmpty)
        {
            throw new NotSupportedException($"YAML tags ({node.Tag}) are not allowed in a policy (line {node.Start.Line}).");
        }

        if (!node.Anchor.IsEmpty)
        {
            throw new NotSupportedException($"Anchors and aliases are not allowed in a policy (line {node.Start.Line}).");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? throw new NotSupportedException($"A mapping key must be a plain value (line {key.Start.Line}).");
                    if (obj.ContainsKey(name))
                    {
                        throw new NotSupportedException($"Key '{name}' appears twice in one mapping (line {key.Start.Line}).");
                    }

                    obj[name] = Convert(value);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new NotSupportedException($"Unsupported YAML node at line {node.Start.Line}.");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"NUL characters (U+0000) are not allowed in a policy (line {scalar.Start.Line}).");
        }

        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            "null" or "Null" or "NULL" or "~" or "" => null,
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
