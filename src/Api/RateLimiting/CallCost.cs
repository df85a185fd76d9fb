using System.Collections.Frozen;

namespace Governance.Api.RateLimiting;

/// <summary>What a call costs the host, by endpoint name: the one table of which endpoints are expensive.</summary>
public enum CallCost
{
    Light,
    Inference,
    Text,
}

public static class CallCosts
{
    private static readonly FrozenDictionary<string, CallCost> ByEndpoint = new Dictionary<string, CallCost>(StringComparer.Ordinal)
    {
        ["model.predict"] = CallCost.Inference,
        ["v2.model.infer"] = CallCost.Inference,
        ["v2.model.infer.version"] = CallCost.Inference,
        ["pii.analyze"] = CallCost.Text,
        ["pii.anonymize"] = CallCost.Text,
        ["pii.deanonymize"] = CallCost.Text,
        ["presidio.analyze"] = CallCost.Text,
        ["presidio.anonymize"] = CallCost.Text,
        ["presidio.deanonymize"] = CallCost.Text,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static CallCost Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && ByEndpoint.TryGetValue(name.EndpointName, out var cost)
            ? cost
            : CallCost.Light;
}
