-- Witnesses' cosignatures of checkpoints (C2SP tlog-cosignature), one signature line per witness key
-- and checkpoint. The API verifies each against a configured witness key before inserting it and
-- publishes it under the log's own signature line (docs/audit-keys.md, ADR-023). Append-only like
-- every audit table: a cosignature, once given, is part of the record.
CREATE TABLE audit_cosignatures (
    tree_size   bigint      NOT NULL CHECK (tree_size >= 1),
    key_name    text        NOT NULL,
    key_hash    bytea       NOT NULL CHECK (octet_length(key_hash) = 4),
    line        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tree_size, key_name, key_hash)
);

CREATE TRIGGER audit_cosignatures_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_cosignatures
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_cosignatures FROM PUBLIC;
GRANT SELECT, INSERT ON audit_cosignatures TO governance_app;
