-- The keys every instance signs access tokens with and verifies them by: the private half sealed
-- (AES-GCM) under the secret all instances are given, so a copy of the database signs nothing.
CREATE TABLE signing_key (
    key_id     TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    sealed_jwk TEXT NOT NULL
);
CREATE INDEX signing_key_newest ON signing_key (created_at DESC);
