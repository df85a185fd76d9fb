-- 0018: tenant isolation of audit reads enforced by PostgreSQL (issue 11, ADR-028).
--
-- audit_records cannot take row-level security: the group commit writes many tenants' entries in one
-- COPY, and PostgreSQL refuses COPY FROM on a table whose row-level security applies to the writer.
-- So isolation comes from privileges instead. A tenant's audit read runs as governance_tenant_reader
-- (SET LOCAL ROLE in its own transaction, with governance.scope = 'tenant' and governance.tenant set):
-- that role holds no privilege on audit_records, audit_log_runs or audit_entries, only SELECT on
-- tenant_audit_entries below, which shows the entries of the tenant the session names and nothing
-- when the session names none. The view is a security barrier, so a caller's own functions in a
-- WHERE clause never see the rows it filters out. The writer, its COPY and its role are unchanged.
--
-- governance_tenant_reader is a cluster role: the superuser set-up creates it and grants it to
-- governance_app (eng/postgres/up.sh; the tests' RoleBootstrap does the same on a CI server).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_tenant_reader') THEN
        RAISE EXCEPTION 'role governance_tenant_reader is missing: rerun eng/postgres/up.sh, or as a superuser: CREATE ROLE governance_tenant_reader NOLOGIN; GRANT governance_tenant_reader TO governance_app';
    END IF;
END
$$;

CREATE VIEW tenant_audit_entries WITH (security_barrier) AS
SELECT * FROM audit_entries
WHERE current_setting('governance.scope', true) = 'tenant'
  AND tenant_id = current_setting('governance.tenant', true);

REVOKE ALL ON tenant_audit_entries FROM PUBLIC;
GRANT SELECT ON tenant_audit_entries TO governance_tenant_reader;
-- audit_record_id() (a sequence's record) reads audit_log_runs, which the reader may not: run it as the owner.
ALTER FUNCTION audit_record_id(bigint) SECURITY DEFINER SET search_path = public, pg_temp;
