using Governance.Domain.Policies;

namespace Governance.Api.PolicyEngine;

/// <summary>The decision the policy behaviour made for this request (scoped): what handlers read obligations from.</summary>
public sealed class PolicyDecisionScope
{
    public PolicyDecision? Decision { get; set; }

    public MergedObligations Obligations => Decision?.Obligations ?? MergedObligations.None;
}
