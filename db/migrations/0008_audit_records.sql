-- 0008: the audit log integrated in place (docs/decisions/ADR-010; supersedes ADR-007's staging
-- table and ADR-004's hash chain). Existing entries, their order and their leaf hashes are kept, so
-- every checkpoint signed before this migration still verifies.
--
-- Writers insert each entry once, into audit_records, and are durable when that commits. The
-- record id comes from an identity whose sequence hands out values in call order (CACHE 1, never
-- raise it): a record id below a committed one was therefore taken earlier by a transaction that
-- was already running, and that transaction holds RowExclusiveLock on audit_records until it ends.
-- The sequencer (Governance.Audit.Sequencing) relies on both facts to integrate records strictly in
-- id order: it waits at a missing id until the transactions that could own it have ended, then
-- either finds the record or knows the id will never be used. So sequence order = record id order,
-- and the sequence of a record is fixed by which records committed, not by when the sequencer ran.
--
-- The sequencer writes one audit_log_runs row per stretch of consecutive records it integrated:
-- where they sit in the log, their leaf hashes (as the tree holds them) and the root after them. The
-- tree keeps only perfect subtrees of 256 leaves or more; smaller ones are recomputed from the runs.

DO $$
DECLARE
    duplicated text;
BEGIN
    SELECT string_agg(request_id::text, ', ') INTO duplicated
    FROM (SELECT request_id FROM audit_entries GROUP BY request_id HAVING count(*) > 1 LIMIT 10) d;
    IF duplicated IS NOT NULL THEN
        RAISE EXCEPTION 'audit_entries holds several entries for one request id (%); resolve them before upgrading', duplicated;
    END IF;
END
$$;

CREATE TABLE audit_records (
    id             bigint      GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
    request_id     uuid        NOT NULL,
    -- Set by the database when the record is written; not covered by the hash.
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    -- The canonical encoding version the writer hashed (Governance.Audit.Integrity.AuditEntryEncoding).
    encoding       smallint    NOT NULL CHECK (encoding IN (1, 2)),
    -- SHA-256(0x00 || canonical bytes), computed by the writer. Verifiers never trust it: they
    -- re-encode the fields and compare with it and with the leaf the sequencer integrated.
    -- The columns the sequencer reads come first, so reading them never walks the whole row.
    leaf_hash      bytea       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    occurred_at    timestamptz NOT NULL,
    action         text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('succeeded', 'denied', 'rejected', 'failed')),
    status_code    integer     NOT NULL,
    actor_id       text        NOT NULL,
    actor_role     text        NOT NULL,
    tenant_id      text,
    model_name     text,
    model_version  text,
    model_digest   text,
    error_code     text,
    rule_ids       text[]      NOT NULL DEFAULT '{}',
    input_digest   text,
    output_digest  text,
    trace_id       text,
    policy_version text,
    decision       text,
    data_subject   text
);

-- Entries already in the log keep their sequence as their record id.
INSERT INTO audit_records (id, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id,
    model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id,
    policy_version, decision, data_subject, recorded_at, encoding, leaf_hash)
OVERRIDING SYSTEM VALUE
SELECT sequence, request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id,
    model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id,
    policy_version, decision, data_subject, committed_at, get_byte(canonical, 0), sha256('\x00'::bytea || canonical)
FROM audit_entries
ORDER BY sequence;

SELECT setval(pg_get_serial_sequence('audit_records', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM audit_records;

-- Staged but not yet integrated: after them, in the order the old sequencer would have taken them.
INSERT INTO audit_records (request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id,
    model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id,
    policy_version, decision, data_subject, recorded_at, encoding, leaf_hash)
SELECT request_id, occurred_at, action, outcome, status_code, actor_id, actor_role, tenant_id,
    model_name, model_version, model_digest, error_code, rule_ids, input_digest, output_digest, trace_id,
    policy_version, decision, data_subject, staged_at, get_byte(canonical, 0), sha256('\x00'::bytea || canonical)
FROM audit_staged s
WHERE NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.staged_id = s.staged_id)
ORDER BY staged_xid, staged_id;

CREATE UNIQUE INDEX audit_records_request_idx ON audit_records (request_id);
CREATE INDEX audit_records_tenant_idx ON audit_records (tenant_id, id);
CREATE INDEX audit_records_subject_idx ON audit_records (data_subject, id) WHERE data_subject IS NOT NULL;
-- Simulation reads recorded decisions by time. Records arrive in time order, so a block-range index
-- finds a window for almost no cost per insert (a b-tree here cost every write a second descent).
CREATE INDEX audit_records_occurred_idx ON audit_records USING brin (occurred_at) WITH (autosummarize = on);

CREATE TABLE audit_log_runs (
    first_sequence  bigint      PRIMARY KEY CHECK (first_sequence >= 1),
    entry_count     integer     NOT NULL CHECK (entry_count >= 1),
    first_record_id bigint      NOT NULL UNIQUE,
    leaf_hashes     bytea       NOT NULL,
    root_hash       bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    integrated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_runs_one_leaf_per_entry CHECK (octet_length(leaf_hashes) = 32 * entry_count)
);
-- Hashes do not compress: store long runs out of line without trying.
ALTER TABLE audit_log_runs ALTER COLUMN leaf_hashes SET STORAGE EXTERNAL;

-- The database itself refuses a run that leaves a gap in the log, overlaps the one before, or
-- goes back in record order. Rows inserted earlier by the same statement are visible here.
CREATE FUNCTION audit_log_runs_extend() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last audit_log_runs%ROWTYPE;
BEGIN
    SELECT * INTO last FROM audit_log_runs ORDER BY first_sequence DESC LIMIT 1;
    IF NOT FOUND THEN
        IF NEW.first_sequence <> 1 THEN
            RAISE EXCEPTION 'audit_log_runs must start at sequence 1, not %', NEW.first_sequence USING ERRCODE = 'P0001';
        END IF;
    ELSIF NEW.first_sequence <> last.first_sequence + last.entry_count THEN
        RAISE EXCEPTION 'audit_log_runs must continue at sequence %, not %', last.first_sequence + last.entry_count, NEW.first_sequence
            USING ERRCODE = 'P0001';
    ELSIF NEW.first_record_id < last.first_record_id + last.entry_count THEN
        RAISE EXCEPTION 'audit_log_runs must continue after record %, not at %', last.first_record_id + last.entry_count - 1, NEW.first_record_id
            USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_runs_extend BEFORE INSERT ON audit_log_runs
    FOR EACH ROW EXECUTE FUNCTION audit_log_runs_extend();

-- One run per batch the old sequencer committed (its tree heads), with the leaves it stored.
INSERT INTO audit_log_runs (first_sequence, entry_count, first_record_id, leaf_hashes, root_hash, integrated_at)
SELECT h.previous + 1, h.tree_size - h.previous, h.previous + 1,
    (SELECT string_agg(n.hash, ''::bytea ORDER BY n.node_index) FROM audit_tree_nodes n
     WHERE n.level = 0 AND n.node_index >= h.previous AND n.node_index < h.tree_size),
    h.root_hash, h.integrated_at
FROM (SELECT tree_size, root_hash, integrated_at, lag(tree_size, 1, 0::bigint) OVER (ORDER BY tree_size) AS previous
      FROM audit_tree_heads) h
ORDER BY h.tree_size;

-- Only perfect subtrees of 2^8 leaves and more are stored from now on.
ALTER TABLE audit_tree_nodes DISABLE TRIGGER audit_tree_nodes_append_only;
DELETE FROM audit_tree_nodes WHERE level < 8;
ALTER TABLE audit_tree_nodes ENABLE TRIGGER audit_tree_nodes_append_only;
ALTER TABLE audit_tree_nodes ADD CONSTRAINT audit_tree_nodes_256_leaves_or_more CHECK (level >= 8);

DROP TABLE audit_tree_heads, audit_staged, audit_entries;
DROP FUNCTION audit_entries_refuse_change(), audit_entries_check_chain();

-- What searches and people read: every integrated record with its place in the log and the leaf the
-- tree holds for it. Filter on record columns (indexed); to find a sequence use audit_record_id().
CREATE VIEW audit_entries AS
SELECT r.first_sequence + (e.id - r.first_record_id) AS sequence,
    e.id AS record_id, e.request_id, e.occurred_at, e.action, e.outcome, e.status_code, e.actor_id, e.actor_role,
    e.tenant_id, e.model_name, e.model_version, e.model_digest, e.error_code, e.rule_ids, e.input_digest,
    e.output_digest, e.trace_id, e.policy_version, e.decision, e.data_subject, e.recorded_at, e.encoding,
    substring(r.leaf_hashes FROM (32 * (e.id - r.first_record_id) + 1)::integer FOR 32) AS leaf_hash,
    r.integrated_at
FROM audit_records e
CROSS JOIN LATERAL (
    SELECT first_sequence, first_record_id, entry_count, leaf_hashes, integrated_at FROM audit_log_runs
    WHERE first_record_id <= e.id ORDER BY first_record_id DESC LIMIT 1) r
WHERE e.id < r.first_record_id + r.entry_count;

-- The record at a sequence (null beyond the log).
CREATE FUNCTION audit_record_id(log_sequence bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT r.first_record_id + (log_sequence - r.first_sequence) FROM audit_log_runs r
    WHERE r.first_sequence <= log_sequence AND log_sequence < r.first_sequence + r.entry_count
    ORDER BY r.first_sequence DESC LIMIT 1
$$;

CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_runs_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log_runs
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_records, audit_log_runs, audit_entries FROM PUBLIC;
GRANT SELECT, INSERT ON audit_records, audit_log_runs TO governance_app;
GRANT SELECT ON audit_entries TO governance_app;
