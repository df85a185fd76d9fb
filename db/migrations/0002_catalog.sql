-- Tenants, registered model versions, license grants and OAuth2 clients.
-- The app role may read and add rows; nothing here is deleted by the app (revocation is a column).

CREATE TABLE tenants (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL
);

CREATE TABLE model_versions (
    name           text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    version        text NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    task           text NOT NULL,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
    manifest       jsonb NOT NULL,
    registered_at  timestamptz NOT NULL,
    registered_by  text NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE license_grants (
    tenant_id   text NOT NULL REFERENCES tenants (id),
    model_name  text NOT NULL,
    granted_at  timestamptz NOT NULL,
    granted_by  text NOT NULL,
    PRIMARY KEY (tenant_id, model_name)
);

CREATE TABLE oauth_clients (
    client_id    text PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants (id),
    name         text NOT NULL,
    secret_hash  text NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    revoked_at   timestamptz NULL
);

REVOKE ALL ON tenants, model_versions, license_grants, oauth_clients FROM PUBLIC;
GRANT SELECT, INSERT ON tenants, model_versions, license_grants, oauth_clients TO governance_app;
GRANT UPDATE (revoked_at) ON oauth_clients TO governance_app;
