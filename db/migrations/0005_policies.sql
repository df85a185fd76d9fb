-- 0005: policy sets and their lifecycle (see docs/decisions/ADR-008 and docs/policies.md).
-- Every table is append-only history for everyone (a trigger refuses UPDATE, DELETE, TRUNCATE):
-- versions are immutable, approvals and activations are appended rows. The active version is the
-- one named by the activation with the highest id; every insert there notifies 'governance_policy'
-- so all API processes switch within a moment (they also poll, in case a notification is missed).

CREATE TABLE policy_versions (
    version     integer     PRIMARY KEY CHECK (version >= 1),
    name        text        NOT NULL,
    source      text        NOT NULL CHECK (length(source) <= 1000000),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    rule_count  integer     NOT NULL CHECK (rule_count >= 0),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

CREATE TABLE policy_approvals (
    version      integer     NOT NULL REFERENCES policy_versions (version),
    approved_by  text        NOT NULL,
    approved_at  timestamptz NOT NULL,
    PRIMARY KEY (version, approved_by)
);

CREATE TABLE policy_activations (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version       integer     NOT NULL REFERENCES policy_versions (version),
    activated_at  timestamptz NOT NULL,
    activated_by  text        NOT NULL,
    emergency     boolean     NOT NULL DEFAULT false,
    reason        text
);

CREATE FUNCTION policy_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'P0001',
              HINT = 'Policy history is never changed; create a new version or append an activation.';
END
$$;

CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON policy_versions
    FOR EACH STATEMENT EXECUTE FUNCTION policy_history_refuse_change();
CREATE TRIGGER policy_approvals_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON policy_approvals
    FOR EACH STATEMENT EXECUTE FUNCTION policy_history_refuse_change();
CREATE TRIGGER policy_activations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON policy_activations
    FOR EACH STATEMENT EXECUTE FUNCTION policy_history_refuse_change();

-- The author of a version may not approve it (four eyes), whatever the application does.
CREATE FUNCTION policy_approvals_four_eyes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM policy_versions WHERE version = NEW.version AND created_by = NEW.approved_by) THEN
        RAISE EXCEPTION 'policy version % cannot be approved by its author', NEW.version USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER policy_approvals_not_author BEFORE INSERT ON policy_approvals
    FOR EACH ROW EXECUTE FUNCTION policy_approvals_four_eyes();

CREATE FUNCTION policy_activations_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('governance_policy', NEW.version::text);
    RETURN NEW;
END
$$;

CREATE TRIGGER policy_activations_notify AFTER INSERT ON policy_activations
    FOR EACH ROW EXECUTE FUNCTION policy_activations_notify();

REVOKE ALL ON policy_versions, policy_approvals, policy_activations FROM PUBLIC;
GRANT SELECT, INSERT ON policy_versions, policy_approvals, policy_activations TO governance_app;

-- Simulation reads recorded decisions by time.
CREATE INDEX audit_entries_decided_idx ON audit_entries (occurred_at) WHERE decision IS NOT NULL;
