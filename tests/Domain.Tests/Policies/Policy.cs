using System.Text.Json;
using Governance.Domain.Policies;

namespace Governance.Domain.Tests.Policies;

/// <summary>Builds documents and contexts for tests from JSON (the form YAML is turned into).</summary>
internal static class Policy
{
    public static (PolicyDocument? Document, IReadOnlyList<PolicyError> Errors) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var (document, errors) = PolicyParser.Parse(doc.RootElement);
        if (document is null)
        {
            return (null, errors);
        }

        var all = errors.Concat(PolicyAnalyzer.Check(document)).ToList();
        return (all.Count == 0 ? document : null, all);
    }

    public static CompiledPolicySet Compile(string json, string version = "test")
    {
        var (document, errors) = Parse(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return PolicyCompiler.Compile(document!, version);
    }

    /// <summary>A document of the given rules (each a JSON object).</summary>
    public static string Rules(params string[] rules) => $$"""{"name":"t","rules":[{{string.Join(",", rules)}}]}""";

    public static string Rule(string id, string? when, string effect) =>
        when is null ? $$"""{"id":"{{id}}",{{effect}}}""" : $$"""{"id":"{{id}}","when":{{when}},{{effect}}}""";

    public static string Deny(string message = "no") => $$"""
        "deny":{"message":"{{message}}"}
        """;

    public static string Obligations(string json) => $"\"obligations\":{json}";

    public static DecisionContext Tenant(string tenant = "acme", bool licensed = true, string endpoint = "model.predict") =>
        new DecisionContext()
            .Set(PolicyVocabulary.PrincipalRole, PolicyValue.Of("tenant"))
            .Set(PolicyVocabulary.PrincipalTenant, PolicyValue.Of(tenant))
            .Set(PolicyVocabulary.TenantId, PolicyValue.Of(tenant))
            .Set(PolicyVocabulary.TenantLicensed, PolicyValue.Of(licensed))
            .Set(PolicyVocabulary.ModelName, PolicyValue.Of("support-intent"))
            .Set(PolicyVocabulary.ModelTags, PolicyValue.Of(["text", "pii-bearing"]))
            .Set(PolicyVocabulary.RequestEndpoint, PolicyValue.Of(endpoint))
            .Set(PolicyVocabulary.RequestInputSize, PolicyValue.Of(120))
            .AtTime(new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero));
}
