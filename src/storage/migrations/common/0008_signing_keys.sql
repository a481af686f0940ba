-- The department's signing keys (Ed25519), one per purpose: "license-verification" signs the code
-- printed as a QR on every licence card, which the public verification page checks.
CREATE TABLE signing_keys (
  purpose     TEXT PRIMARY KEY,
  public_key  TEXT NOT NULL,
  secret_key  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
