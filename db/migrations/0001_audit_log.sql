-- 0001: the append-only audit trail (walking skeleton; see docs/decisions/ADR-004).
--
-- Sequencing: writers serialise on pg_advisory_xact_lock(7453306060350514292) (the bytes
-- "gov_audt" as a big-endian int64) inside their transaction, read the tail (max sequence and
-- its entry_hash), then insert their whole batch with consecutive sequences and the hash chain.
-- The lock is held until commit, so the next writer's tail read sees this batch. Identity
-- columns are not used on purpose: they commit out of order and leave gaps on rollback.
-- Group commit amortises the lock (one transaction per batch of many entries).
--
-- Chain: entry_hash = SHA-256(previous_hash || canonical); previous_hash of sequence 1 is 32
-- zero bytes. canonical is the versioned binary encoding of the entry's columns
-- (Governance.Audit.Integrity.AuditEntryEncoding); verifiers re-encode the columns and compare.

CREATE TABLE audit_entries (
    sequence      bigint      PRIMARY KEY CHECK (sequence >= 1),
    request_id    uuid        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    committed_at  timestamptz NOT NULL DEFAULT now(),
    action        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('succeeded', 'denied', 'rejected', 'failed')),
    status_code   integer     NOT NULL,
    actor_id      text        NOT NULL,
    actor_role    text        NOT NULL,
    tenant_id     text,
    model_name    text,
    model_version text,
    model_digest  text,
    error_code    text,
    rule_ids      text[]      NOT NULL DEFAULT '{}',
    input_digest  text,
    output_digest text,
    trace_id      text,
    canonical     bytea       NOT NULL,
    entry_hash    bytea       NOT NULL CHECK (octet_length(entry_hash) = 32),
    previous_hash bytea       NOT NULL CHECK (octet_length(previous_hash) = 32),
    -- The database itself refuses a row whose hash does not cover its own bytes.
    CONSTRAINT audit_entries_hash_covers_row CHECK (entry_hash = sha256(previous_hash || canonical))
);

CREATE INDEX audit_entries_tenant_idx ON audit_entries (tenant_id, sequence);
CREATE INDEX audit_entries_request_idx ON audit_entries (request_id);

-- Even the owner and superusers are refused; only disabling the trigger (DDL, which the hash
-- chain then exposes) gets past it. Statement-level, so a zero-row UPDATE/DELETE fails too.
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
        USING ERRCODE = 'P0001',
              HINT = 'Audit entries are never changed or removed; append a new entry instead.';
END
$$;

CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();

-- Any inserter (the app role included) must extend the chain exactly: no gap, no fork. Rows
-- inserted earlier by the same statement are visible here, so multi-row batches pass.
CREATE FUNCTION audit_entries_check_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    predecessor bytea;
BEGIN
    IF NEW.sequence = 1 THEN
        predecessor := decode(repeat('00', 32), 'hex');
    ELSE
        SELECT entry_hash INTO predecessor FROM audit_entries WHERE sequence = NEW.sequence - 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'audit_entries chain broken: sequence % has no predecessor', NEW.sequence
                USING ERRCODE = 'P0001';
        END IF;
    END IF;
    IF NEW.previous_hash IS DISTINCT FROM predecessor THEN
        RAISE EXCEPTION 'audit_entries chain broken: previous_hash of sequence % does not match', NEW.sequence
            USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entries_chain
    BEFORE INSERT ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_check_chain();

REVOKE ALL ON audit_entries FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entries TO governance_app;
