using Governance.Domain.Auditing;

namespace Governance.Api.Pipeline;

/// <summary>
/// What one HTTP request has to say to the audit trail, gathered as the request moves through the
/// pipeline (scoped per request). Exactly one entry is recorded per request.
/// </summary>
public sealed class AuditScope
{
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly HashSet<string> _disclosed = new(StringComparer.Ordinal);

    public string? Action { get; set; }

    public string? TenantId { get; set; }

    public string? ModelName { get; set; }

    public string? ModelVersion { get; set; }

    public string? ModelDigest { get; set; }

    public string? InputDigest { get; set; }

    public string? OutputDigest { get; set; }

    public List<string> RuleIds { get; } = [];

    public string? PolicyVersion { get; set; }

    /// <summary>Canonical JSON of the policy decision and its context (see AuditEntry.Decision).</summary>
    public string? Decision { get; set; }

    public string? DataSubject { get; set; }

    public AuditReceipt? Receipt { get; set; }

    /// <summary>Other data subjects whose entries the response shows; each gets an entry of its own.</summary>
    public IReadOnlyCollection<string> Disclosed => _disclosed;

    public bool IsRecorded => Receipt is not null;

    /// <summary>Records that the response shows personal data of <paramref name="dataSubject"/> (besides <see cref="DataSubject"/>).</summary>
    public void Disclose(string dataSubject) => _disclosed.Add(dataSubject);

    /// <summary>Work that must happen only once the command and its entry have committed.</summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    public async Task RunAfterCommitAsync()
    {
        foreach (var action in _afterCommit)
        {
            await action();
        }

        _afterCommit.Clear();
    }

    public void DiscardAfterCommit() => _afterCommit.Clear();
}
