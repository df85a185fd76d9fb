using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Persistence;

/// <summary>
/// The catalog (tenants, models, licenses, clients) and the policy history. The schema comes from db/migrations, never from
/// EF; this only maps it. Handlers use it directly (no repository layer).
/// </summary>
public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : DbContext(options)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<ModelVersionRecord> ModelVersions => Set<ModelVersionRecord>();

    public DbSet<LicenseGrantRecord> LicenseGrants => Set<LicenseGrantRecord>();

    public DbSet<ModelVersionPolicyRecord> ModelVersionPolicies => Set<ModelVersionPolicyRecord>();

    public DbSet<OAuthClientRecord> OAuthClients => Set<OAuthClientRecord>();

    public DbSet<PolicyVersionRecord> PolicyVersions => Set<PolicyVersionRecord>();

    public DbSet<PolicyApprovalRecord> PolicyApprovals => Set<PolicyApprovalRecord>();

    public DbSet<PolicyActivationRecord> PolicyActivations => Set<PolicyActivationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(e =>
        {
            e.ToTable("tenants").HasKey(t => t.Id);
            e.Property(t => t.Id).HasColumnName("id");
            e.Property(t => t.Name).HasColumnName("name");
            e.Property(t => t.CreatedAt).HasColumnName("created_at");
            e.Property(t => t.CreatedBy).HasColumnName("created_by");
            e.Property(t => t.Region).HasColumnName("region");
            e.Property(t => t.Tier).HasColumnName("tier");
        });
        modelBuilder.Entity<ModelVersionRecord>(e =>
        {
            e.ToTable("model_versions").HasKey(m => new { m.Name, m.Version });
            e.Property(m => m.Name).HasColumnName("name");
            e.Property(m => m.Version).HasColumnName("version");
            e.Property(m => m.Task).HasColumnName("task");
            e.Property(m => m.Sha256).HasColumnName("sha256");
            e.Property(m => m.SizeBytes).HasColumnName("size_bytes");
            e.Property(m => m.Manifest).HasColumnName("manifest").HasColumnType("jsonb");
            e.Property(m => m.RegisteredAt).HasColumnName("registered_at");
            e.Property(m => m.RegisteredBy).HasColumnName("registered_by");
            e.Property(m => m.RetiredAt).HasColumnName("retired_at");
            e.Property(m => m.RetiredBy).HasColumnName("retired_by");
        });
        modelBuilder.Entity<ModelVersionPolicyRecord>(e =>
        {
            e.ToTable("model_version_policies").HasKey(p => p.ModelName);
            e.Property(p => p.ModelName).HasColumnName("model_name");
            e.Property(p => p.Policy).HasColumnName("policy").HasColumnType("jsonb");
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            e.Property(p => p.UpdatedBy).HasColumnName("updated_by");
        });
        modelBuilder.Entity<LicenseGrantRecord>(e =>
        {
            e.ToTable("license_grants").HasKey(g => new { g.TenantId, g.ModelName });
            e.Property(g => g.TenantId).HasColumnName("tenant_id");
            e.Property(g => g.ModelName).HasColumnName("model_name");
            e.Property(g => g.GrantedAt).HasColumnName("granted_at");
            e.Property(g => g.GrantedBy).HasColumnName("granted_by");
            e.Property(g => g.RevokedAt).HasColumnName("revoked_at");
            e.Property(g => g.RevokedBy).HasColumnName("revoked_by");
        });
        modelBuilder.Entity<OAuthClientRecord>(e =>
        {
            e.ToTable("oauth_clients").HasKey(c => c.ClientId);
            e.Property(c => c.ClientId).HasColumnName("client_id");
            e.Property(c => c.TenantId).HasColumnName("tenant_id");
            e.Property(c => c.Name).HasColumnName("name");
            e.Property(c => c.SecretHash).HasColumnName("secret_hash");
            e.Property(c => c.CreatedAt).HasColumnName("created_at");
            e.Property(c => c.CreatedBy).HasColumnName("created_by");
            e.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        });
        MapPolicies(modelBuilder);
    }

    private static void MapPolicies(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PolicyVersionRecord>(e =>
        {
            e.ToTable("policy_versions").HasKey(v => v.Version);
            e.Property(v => v.Version).HasColumnName("version").ValueGeneratedNever();
            e.Property(v => v.Name).HasColumnName("name");
            e.Property(v => v.Source).HasColumnName("source");
            e.Property(v => v.Sha256).HasColumnName("sha256");
            e.Property(v => v.RuleCount).HasColumnName("rule_count");
            e.Property(v => v.CreatedAt).HasColumnName("created_at");
            e.Property(v => v.CreatedBy).HasColumnName("created_by");
        });
        modelBuilder.Entity<PolicyApprovalRecord>(e =>
        {
            e.ToTable("policy_approvals").HasKey(a => new { a.Version, a.ApprovedBy });
            e.Property(a => a.Version).HasColumnName("version");
            e.Property(a => a.ApprovedBy).HasColumnName("approved_by");
            e.Property(a => a.ApprovedAt).HasColumnName("approved_at");
        });
        modelBuilder.Entity<PolicyActivationRecord>(e =>
        {
            e.ToTable("policy_activations").HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(a => a.Version).HasColumnName("version");
            e.Property(a => a.ActivatedAt).HasColumnName("activated_at");
            e.Property(a => a.ActivatedBy).HasColumnName("activated_by");
            e.Property(a => a.Emergency).HasColumnName("emergency");
            e.Property(a => a.Reason).HasColumnName("reason");
        });
    }
}
