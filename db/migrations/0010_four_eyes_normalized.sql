-- 0010: four eyes compares people, not bytes (issue 11, ADR-013). "CLI:ADMIN", "cli:admin " and
-- "cli:ad<U+200B>min" were three admins to 0005's trigger. Subjects are compared after NFKC,
-- lower-casing and removing whitespace, control and format characters, the rule of
-- src/Api/Security/SubjectIdentity.cs. The same rule guards emergency activations: a version that
-- nobody approved and that was never active may not be emergency-activated by its own author.

CREATE FUNCTION policy_subject_key(subject text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(regexp_replace(normalize(subject, NFKC),
        '[[:space:][:cntrl:]\u00AD\u0600-\u0605\u061C\u06DD\u070F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]', '', 'g'))
$$;

CREATE OR REPLACE FUNCTION policy_approvals_four_eyes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM policy_versions
               WHERE version = NEW.version AND policy_subject_key(created_by) = policy_subject_key(NEW.approved_by)) THEN
        RAISE EXCEPTION 'policy version % cannot be approved by its author', NEW.version USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION policy_activations_four_eyes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.emergency
       AND NOT EXISTS (SELECT 1 FROM policy_approvals WHERE version = NEW.version)
       AND NOT EXISTS (SELECT 1 FROM policy_activations WHERE version = NEW.version)
       AND EXISTS (SELECT 1 FROM policy_versions
                   WHERE version = NEW.version AND policy_subject_key(created_by) = policy_subject_key(NEW.activated_by)) THEN
        RAISE EXCEPTION 'policy version % is not approved and cannot be activated by its author', NEW.version USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER policy_activations_not_author BEFORE INSERT ON policy_activations
    FOR EACH ROW EXECUTE FUNCTION policy_activations_four_eyes();
