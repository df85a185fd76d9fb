-- 0019: every record's log sequence is fixed in the transaction that writes it (docs/decisions/ADR-029),
-- so a governed call answers with its final receipt once durable, without waiting for the sequencer.
--
-- One counter row hands out sequences. A writer takes it first in its transaction (one UPDATE per
-- group-commit batch, RETURNING the first number and now(), which is also the batch's recorded_at),
-- and only then inserts, so it holds the row lock while it takes record ids. Consequences the
-- sequencer relies on:
--   * no gap: a transaction that rolls back rolls its counter update back with it;
--   * record id order = sequence order: ids are taken under the lock, and the lock passes to the
--     next writer only after the previous one has committed (visible) or rolled back, so a record
--     id missing below a visible one can never commit later (every visible gap is dead);
-- The sequencer integrates records in id order and only at the position their log_sequence names.

CREATE TABLE audit_counter (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_sequence bigint  NOT NULL CHECK (last_sequence >= 0)
);

-- Taken before anything else, so no writer is in flight while the existing records are numbered.
ALTER TABLE audit_records ADD COLUMN log_sequence bigint;

ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only;
-- Integrated records keep the sequence the log gave them.
UPDATE audit_records r SET log_sequence = e.sequence FROM audit_entries e WHERE e.record_id = r.id;
-- Records not integrated yet follow, in record order, as the previous sequencer would have placed them
-- (every gap among them is dead: no transaction that could own one is still running).
WITH tail AS (
    SELECT coalesce(max(first_sequence + entry_count - 1), 0) AS size,
           coalesce(max(first_record_id + entry_count - 1), 0) AS through
    FROM audit_log_runs)
UPDATE audit_records r SET log_sequence = p.sequence
FROM (SELECT a.id, t.size + row_number() OVER (ORDER BY a.id) AS sequence
      FROM audit_records a CROSS JOIN tail t WHERE a.id > t.through) p
WHERE p.id = r.id;
ALTER TABLE audit_records ENABLE TRIGGER audit_records_append_only;

INSERT INTO audit_counter (last_sequence) SELECT coalesce(max(log_sequence), 0) FROM audit_records;

-- What an insert that does not name log_sequence gets (the app's writer always names it, having taken
-- a whole batch at once): the next number, with the counter's lock held until its transaction ends.
CREATE FUNCTION audit_take_sequence() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    UPDATE audit_counter SET last_sequence = last_sequence + 1 RETURNING last_sequence
$$;

ALTER TABLE audit_records
    ALTER COLUMN log_sequence SET DEFAULT audit_take_sequence(),
    ALTER COLUMN log_sequence SET NOT NULL;

-- The counter only moves forward and is never removed: a number handed out is never handed out again.
CREATE FUNCTION audit_counter_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.last_sequence < OLD.last_sequence THEN
        RAISE EXCEPTION 'audit_counter only moves forward' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_counter_forward_only BEFORE UPDATE OR DELETE ON audit_counter
    FOR EACH ROW EXECUTE FUNCTION audit_counter_forward_only();
CREATE TRIGGER audit_counter_no_truncate BEFORE TRUNCATE ON audit_counter
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_counter FROM PUBLIC;
GRANT SELECT, UPDATE ON audit_counter TO governance_app;
