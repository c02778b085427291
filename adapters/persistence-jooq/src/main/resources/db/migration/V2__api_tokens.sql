-- API tokens: only the SHA-256 hash of a token's secret is kept, looked up on every request.
CREATE TABLE api_token (
    name        VARCHAR(64)              NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    tenant_id   VARCHAR(64),
    secret_hash VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT                   NOT NULL,
    CONSTRAINT api_token_pk PRIMARY KEY (name)
);
CREATE INDEX api_token_by_secret_hash ON api_token (secret_hash, name);
