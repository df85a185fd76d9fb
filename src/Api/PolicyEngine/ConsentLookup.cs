namespace Governance.Api.PolicyEngine;

/// <summary>
/// Where the decision context gets the data subject's consent state per purpose. The consent store
/// comes with a later issue; until then <see cref="NoConsentRecords"/> answers "none" for everything,
/// so any require_consent rule denies (fail closed).
/// </summary>
public interface IConsentLookup
{
    ValueTask<string> StateAsync(string tenantId, string dataSubject, string purpose, CancellationToken cancellationToken);
}

public sealed class NoConsentRecords : IConsentLookup
{
    public ValueTask<string> StateAsync(string tenantId, string dataSubject, string purpose, CancellationToken cancellationToken) => ValueTask.FromResult("none");
}
