-- Which versions of a model are served (Triton's version_policy): {"latest": N}, {"specific": [...]} or
-- {"all": true}. One row per model that has a policy; a model without a row serves every version not
-- retired. A change bumps the catalog generation like any catalog table, so every API process reloads,
-- loads the versions the policy now serves and unloads the others (ADR-031).
CREATE TABLE model_version_policies (
    model_name  text PRIMARY KEY CHECK (model_name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    policy      jsonb NOT NULL CHECK (jsonb_typeof(policy) = 'object'),
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL
);

CREATE TRIGGER model_version_policies_catalog_changed AFTER INSERT OR UPDATE OR DELETE ON model_version_policies
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

REVOKE ALL ON model_version_policies FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON model_version_policies TO governance_app;
