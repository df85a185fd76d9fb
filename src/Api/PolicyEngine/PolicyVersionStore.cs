using Governance.Api.Persistence;
using Governance.Installation.Policies;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.PolicyEngine;

/// <summary><see cref="IPolicyVersions"/> over EF Core (ADR-011: state changed by admin commands).</summary>
public sealed class PolicyVersionStore(GovernanceDbContext db) : IPolicyVersions
{
    // "gov_pol" + 1 as a big-endian int64: serialises version numbering between processes.
    private const long VersionLock = 0x676F765F706F6C01;

    public Task<bool> AnyAsync(CancellationToken ct) => db.PolicyVersions.AnyAsync(ct);

    public async Task<PolicyVersionRow?> GetAsync(int version, CancellationToken ct)
    {
        var rows = await RowsAsync(db.PolicyVersions.Where(v => v.Version == version), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<PolicyVersionRow>> ListAsync(CancellationToken ct) =>
        await RowsAsync(db.PolicyVersions.OrderByDescending(v => v.Version).Take(1000), ct);

    public async Task<ActiveVersion?> ActiveAsync(CancellationToken ct)
    {
        var latest = await db.PolicyActivations.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Join(db.PolicyVersions, a => a.Version, v => v.Version, (a, v) => new { a.Version, a.Id, v.Source })
            .FirstOrDefaultAsync(ct);
        return latest is null ? null : new ActiveVersion(latest.Version, latest.Id, latest.Source);
    }

    public Task<long?> LatestActivationIdAsync(CancellationToken ct) => db.PolicyActivations.MaxAsync(a => (long?)a.Id, ct);

    public async Task<int> InsertVersionAsync(string name, string source, int ruleCount, DateTimeOffset at, string by, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({VersionLock})", ct);
        var version = (await db.PolicyVersions.MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        db.PolicyVersions.Add(new PolicyVersionRecord
        {
            Version = version,
            Name = name,
            Source = source,
            Sha256 = PolicyLoader.Digest(source),
            RuleCount = ruleCount,
            CreatedAt = at,
            CreatedBy = by,
        });
        await db.SaveChangesAsync(ct);
        return version;
    }

    public async Task ApproveAsync(int version, string by, DateTimeOffset at, CancellationToken ct)
    {
        db.PolicyApprovals.Add(new PolicyApprovalRecord { Version = version, ApprovedBy = by, ApprovedAt = at });
        await db.SaveChangesAsync(ct);
    }

    public async Task<long> ActivateAsync(int version, string by, DateTimeOffset at, bool emergency, string? reason, CancellationToken ct)
    {
        var activation = new PolicyActivationRecord { Version = version, ActivatedAt = at, ActivatedBy = by, Emergency = emergency, Reason = reason };
        db.PolicyActivations.Add(activation);
        await db.SaveChangesAsync(ct);
        return activation.Id;
    }

    private async Task<List<PolicyVersionRow>> RowsAsync(IQueryable<PolicyVersionRecord> versions, CancellationToken ct)
    {
        var found = await versions.AsNoTracking().ToListAsync(ct);
        var numbers = found.ConvertAll(v => v.Version);
        var approvals = (await db.PolicyApprovals.AsNoTracking()
                .Where(a => numbers.Contains(a.Version))
                .OrderBy(a => a.ApprovedAt)
                .ToListAsync(ct))
            .ToLookup(a => a.Version, a => a.ApprovedBy);
        var activated = (await db.PolicyActivations.Where(a => numbers.Contains(a.Version)).Select(a => a.Version).Distinct().ToListAsync(ct)).ToHashSet();
        var active = await db.PolicyActivations.OrderByDescending(a => a.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(ct);
        return found.ConvertAll(v => new PolicyVersionRow(
            v.Version, v.Name, v.Source, v.Sha256, v.RuleCount, v.CreatedAt, v.CreatedBy,
            [.. approvals[v.Version]], v.Version == active, activated.Contains(v.Version)));
    }
}
