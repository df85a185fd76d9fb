-- Every process decides governed calls from an in-process copy of the catalog (tenants, model versions,
-- licenses, the active policy). Any change to those tables bumps one generation counter and notifies
-- 'governance_catalog' in the changing transaction itself, so the notification is delivered exactly
-- when the change commits, whatever code made it. See docs/decisions/ADR-015-hot-path-caches.md.

-- Revocation and retirement are columns, like oauth_clients.revoked_at: the history stays readable.
ALTER TABLE license_grants ADD COLUMN revoked_at timestamptz NULL, ADD COLUMN revoked_by text NULL;
ALTER TABLE model_versions ADD COLUMN retired_at timestamptz NULL, ADD COLUMN retired_by text NULL;
GRANT UPDATE (revoked_at, revoked_by, granted_at, granted_by) ON license_grants TO governance_app;
GRANT UPDATE (retired_at, retired_by) ON model_versions TO governance_app;

-- A row, not a sequence: a sequence moves before its transaction commits, so a process could read
-- the new number, reload, miss the uncommitted change and believe itself current.
CREATE TABLE catalog_generation (
    id          int PRIMARY KEY CHECK (id = 1),
    generation  bigint NOT NULL
);
INSERT INTO catalog_generation VALUES (1, 1);

CREATE FUNCTION catalog_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    next_generation bigint;
BEGIN
    UPDATE catalog_generation SET generation = generation + 1 WHERE id = 1 RETURNING generation INTO next_generation;
    PERFORM pg_notify('governance_catalog', next_generation::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER tenants_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER model_versions_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON model_versions
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER license_grants_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON license_grants
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER policy_activations_catalog_changed AFTER INSERT ON policy_activations
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- One row per running process: the generation it decides with, and when it last confirmed that with
-- the database. A catalog command waits until every process heard from recently has caught up.
CREATE TABLE catalog_nodes (
    node_id     uuid PRIMARY KEY,
    generation  bigint NOT NULL,
    seen_at     timestamptz NOT NULL,
    -- How long it may decide on a snapshot it has not confirmed: a command waits at most that long for it.
    stale_after_ms int NOT NULL CHECK (stale_after_ms > 0)
);

REVOKE ALL ON catalog_generation, catalog_nodes FROM PUBLIC;
GRANT SELECT ON catalog_generation TO governance_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_nodes TO governance_app;
