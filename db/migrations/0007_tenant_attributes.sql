-- Tenant attributes that policies decide on (tenant.region, tenant.tier). Optional: a tenant created
-- without them reads as "missing" in a decision context. The sets are closed so that a policy's
-- literal cannot silently miss a tenant spelled differently; they match src/Api/Features/Tenants/TenantAttributes.cs.

ALTER TABLE tenants
    ADD COLUMN region text CHECK (region IN ('eu', 'uk', 'ch', 'us', 'ca', 'br', 'in', 'jp', 'sg', 'au')),
    ADD COLUMN tier   text CHECK (tier IN ('free', 'standard', 'premium', 'enterprise'));

-- Admins may change them later (PUT /api/v1/tenants/{id}/attributes, audited); nothing else on a tenant changes.
GRANT UPDATE (region, tier) ON tenants TO governance_app;
