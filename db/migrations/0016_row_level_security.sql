-- Row-level security on the tenant-owned catalog tables (issue 11): a query bug in a tenant-facing path
-- cannot return another tenant's rows, because PostgreSQL itself filters them for the app role.
--
-- Who a session is comes from two settings, never from the query:
--   governance.scope = 'platform'  the platform's own work (admin and compliance commands, the catalog
--                                  cache, token issuance, the sequencer): every row. The API's data
--                                  source sets it in the connection's start-up packet, so it costs no
--                                  round trip, and RESET / DISCARD ALL return to it.
--   governance.scope = 'tenant'    plus governance.tenant = '<id>': that tenant's rows only. Set for a
--                                  tenant caller's session or transaction (TenantSessionInterceptor).
-- Neither set (or anything else): no rows at all, so a session that forgot to say who it is fails closed.
-- The owner role (migrations) owns the tables and is not subject to these policies.
--
-- audit_records is deliberately not here: the group commit writes many tenants' entries in one
-- transaction with COPY, which PostgreSQL refuses on a table with row-level security, and every read
-- of it is a platform read that the API pins to the caller's tenant (ListAuditEntries); see docs/security.md.

CREATE FUNCTION governance_tenant_visible(row_tenant text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(current_setting('governance.scope', true) = 'platform'
        OR (current_setting('governance.scope', true) = 'tenant' AND row_tenant = current_setting('governance.tenant', true)), false)
$$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE license_grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_clients ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenants_by_tenant ON tenants TO governance_app
    USING (governance_tenant_visible(id)) WITH CHECK (governance_tenant_visible(id));
CREATE POLICY license_grants_by_tenant ON license_grants TO governance_app
    USING (governance_tenant_visible(tenant_id)) WITH CHECK (governance_tenant_visible(tenant_id));
CREATE POLICY oauth_clients_by_tenant ON oauth_clients TO governance_app
    USING (governance_tenant_visible(tenant_id)) WITH CHECK (governance_tenant_visible(tenant_id));
