using Governance.Domain.Policies;

namespace Governance.Api.PolicyEngine;

/// <summary>
/// The compiled set every request of this process decides with. Swapped as one reference when a new
/// activation is seen, so a request sees either the old set or the new one, never a mixture.
/// </summary>
public sealed class ActivePolicy
{
    private volatile Snapshot? _snapshot;

    public CompiledPolicySet? Current => _snapshot?.Set;

    public long ActivationId => _snapshot?.ActivationId ?? 0;

    public void Set(CompiledPolicySet set, long activationId) => _snapshot = new Snapshot(set, activationId);

    private sealed record Snapshot(CompiledPolicySet Set, long ActivationId);
}
