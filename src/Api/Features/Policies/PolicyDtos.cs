using Governance.Api.PolicyEngine;
using Governance.Installation.Policies;

namespace Governance.Api.Features.Policies;

public sealed record PolicyVersionDto(
    int Version, string Name, string Status, string Sha256, int RuleCount, DateTimeOffset CreatedAt, string CreatedBy,
    IReadOnlyList<string> ApprovedBy, IReadOnlyList<string> RuleIds, string? Source)
{
    public static PolicyVersionDto From(PolicyVersionRow row, bool withSource)
    {
        ArgumentNullException.ThrowIfNull(row);
        var ids = PolicyLoader.Load(row.Source).Document?.Rules.Select(r => r.Id).ToList() ?? [];
        return new(row.Version, row.Name, row.Status, row.Sha256, row.RuleCount, row.CreatedAt, row.CreatedBy, row.ApprovedBy, ids, withSource ? row.Source : null);
    }
}
