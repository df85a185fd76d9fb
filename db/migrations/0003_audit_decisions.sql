-- 0003: what the policy engine decided, on the entry itself (canonical encoding version 2).
-- decision is text, not jsonb: verifiers re-encode the stored columns, so the bytes must come back
-- exactly as they were hashed (jsonb would reorder keys). Query it with decision::jsonb.
-- data_subject is a keyed pseudonymous reference, never a raw identifier.

ALTER TABLE audit_entries
    ADD COLUMN policy_version text,
    ADD COLUMN decision       text,
    ADD COLUMN data_subject   text;

CREATE INDEX audit_entries_subject_idx ON audit_entries (data_subject, sequence) WHERE data_subject IS NOT NULL;
