namespace Governance.Api.Pipeline;

/// <summary>
/// Endpoint metadata: the action (from <see cref="Domain.Auditing.AuditActions"/>) every audit entry of this
/// endpoint records, a refusal before the pipeline as much as the request's own entry inside it.
/// </summary>
public sealed record AuditedAction(string Name);

public static class AuditedActionConventions
{
    /// <summary>Declares the endpoint audited under <paramref name="action"/>; one per endpoint (architecture test).</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAction(action));
}
