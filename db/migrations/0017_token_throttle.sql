-- 0017: the /connect/token throttle shared by every API process of a deployment (issue 11, ADR-028;
-- ADR-022 kept it per process, so an attacker spreading guesses over N processes had N times the
-- budget). One row per throttled key ('client\n<id>' or 'source\n<address>'). A failure is counted by
-- token_throttle_fail in one statement that locks the key's row, so concurrent failures on several
-- processes are counted exactly once each; the check before hashing is one primary-key read.
-- Times come from the API (its TimeProvider), not now(), so tests can move a fake clock.

CREATE TABLE token_throttle (
    key          text        PRIMARY KEY,
    failures     integer     NOT NULL,
    lockouts     integer     NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL
);

-- The sweep deletes keys idle past the longest window or lock-out.
CREATE INDEX token_throttle_idle ON token_throttle (greatest(locked_until, last_seen));

-- Counts one failure of p_key; at p_limit failures within p_window_s the key is locked for
-- p_lockout_s, doubling with each lock-out in a row up to p_max_lockout_s. A key quiet for a whole
-- maximum lock-out starts the doubling over. The same rule as ADR-022's in-process counter.
CREATE FUNCTION token_throttle_fail(p_key text, p_limit integer, p_window_s integer, p_lockout_s integer,
    p_max_lockout_s integer, p_now timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r token_throttle%ROWTYPE;
BEGIN
    INSERT INTO token_throttle (key, failures, lockouts, window_start, locked_until, last_seen)
    VALUES (p_key, 0, 0, p_now, '-infinity', p_now)
    ON CONFLICT (key) DO NOTHING;
    SELECT * INTO r FROM token_throttle WHERE key = p_key FOR UPDATE;

    IF p_now - r.last_seen > make_interval(secs => p_max_lockout_s) AND r.locked_until < p_now THEN
        r.lockouts := 0;
    END IF;
    r.last_seen := p_now;
    IF p_now - r.window_start > make_interval(secs => p_window_s) THEN
        r.window_start := p_now;
        r.failures := 0;
    END IF;

    r.failures := r.failures + 1;
    IF r.failures >= p_limit THEN
        r.locked_until := p_now + make_interval(secs => least(p_max_lockout_s::float8, p_lockout_s * power(2::float8, least(r.lockouts, 30))));
        r.lockouts := r.lockouts + 1;
        r.failures := 0;
        r.window_start := r.locked_until;
    END IF;

    UPDATE token_throttle
    SET failures = r.failures, lockouts = r.lockouts, window_start = r.window_start,
        locked_until = r.locked_until, last_seen = r.last_seen
    WHERE key = p_key;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON token_throttle TO governance_app;
