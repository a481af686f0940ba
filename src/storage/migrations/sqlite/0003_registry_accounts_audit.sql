-- People search, photos, countries, sign-in lockout, partner API keys and the hash-chained audit trail (SQLite).

ALTER TABLE users ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;

CREATE TABLE countries (
  code     TEXT PRIMARY KEY CHECK (length(code) = 2),
  name_en  TEXT NOT NULL,
  name_ar  TEXT NOT NULL
);

-- Normalised name parts (lower-case Latin; Arabic without diacritics, one alef, ...) for prefix
-- search in either script through an index: name_norm >= prefix AND name_norm < prefix + U+FFFF.
CREATE TABLE person_names (
  name_norm  TEXT NOT NULL,
  person_id  INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (name_norm, person_id)
);
CREATE INDEX person_names_person ON person_names (person_id);
CREATE INDEX people_document_no ON people (document_no);

CREATE TABLE person_photos (
  person_id    INTEGER PRIMARY KEY REFERENCES people (id),
  full_jpeg    TEXT NOT NULL,   -- base64 JPEG, at most 800 px on its longer side
  thumb_jpeg   TEXT NOT NULL,   -- base64 JPEG, 160 px
  sha256       TEXT NOT NULL,   -- of the upload as received
  uploaded_at  TEXT NOT NULL
);

CREATE TABLE api_keys (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  scope       TEXT NOT NULL CHECK (scope IN ('insurer', 'inspection', 'police', 'payment-gateway')),
  prefix      TEXT NOT NULL,
  key_hash    TEXT NOT NULL UNIQUE,
  created_by  INTEGER NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

-- The audit trail: append-only, each entry carries the SHA-256 of the previous one (prev_hash)
-- and of its own canonical content (hash). audit_head holds the last seq and hash: updating it
-- first in every audited transaction serialises appenders, so the chain never forks.
CREATE TABLE audit_log (
  seq          INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor_type   TEXT NOT NULL CHECK (actor_type IN ('user', 'api-key', 'system')),
  actor_id     INTEGER,
  actor_name   TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER,
  before_json  TEXT,
  after_json   TEXT,
  branch_id    INTEGER,
  request_id   TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);

CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
