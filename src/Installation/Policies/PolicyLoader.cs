using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Domain.Policies;

namespace Governance.Installation.Policies;

/// <summary>The outcome of reading a policy text: the document when valid, otherwise every error at once.</summary>
public sealed record PolicyLoadResult(PolicyDocument? Document, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;
}

/// <summary>
/// YAML text to a validated, compilable document: syntax, then shape and types (the schema), then the
/// semantic checks (duplicates, unreachable and shadowed rules). Shared by the API, the watcher and the CLI.
/// </summary>
public static class PolicyLoader
{
    public const int MaxSourceLength = 1_000_000;

    public static PolicyLoadResult Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > MaxSourceLength)
        {
            return new(null, [new PolicyError(PolicyErrorCodes.TooLarge, null, "", $"A policy may hold at most {MaxSourceLength} characters.")]);
        }

        var (node, syntax) = PolicyYaml.Parse(yaml);
        if (syntax is not null)
        {
            return new(null, [syntax]);
        }

        using var json = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        var (document, errors) = PolicyParser.Parse(json.RootElement);
        if (document is null)
        {
            return new(null, errors);
        }

        var all = new List<PolicyError>(errors);
        all.AddRange(PolicyAnalyzer.Check(document));
        return all.Count == 0 ? new(document, []) : new(null, all);
    }

    /// <summary>Loads and compiles, or throws naming the first errors (for sources already validated once).</summary>
    public static CompiledPolicySet Compile(string yaml, string version)
    {
        var result = Load(yaml);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"Policy version {version} does not validate: {string.Join("; ", result.Errors.Take(5))}");
        }

        return PolicyCompiler.Compile(result.Document!, version);
    }

    public static string Digest(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
}
