-- Foundation schema (SQLite): offices, reference data, people, staff accounts, sessions.
-- Timestamps are RFC 3339 UTC text; dates are ISO 8601 text; money is integer fils.

CREATE TABLE branches (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_ar       TEXT NOT NULL,
  name_en       TEXT NOT NULL,
  city_en       TEXT NOT NULL,
  city_ar       TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE license_classes (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name_ar         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  minimum_age     INTEGER NOT NULL CHECK (minimum_age BETWEEN 16 AND 99),
  validity_years  INTEGER NOT NULL CHECK (validity_years BETWEEN 1 AND 20),
  fee_fils        INTEGER NOT NULL CHECK (fee_fils >= 0)
);

CREATE TABLE application_types (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name_ar   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  fee_fils  INTEGER NOT NULL CHECK (fee_fils >= 0)
);

CREATE TABLE test_types (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  sequence  INTEGER NOT NULL UNIQUE,
  name_ar   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  fee_fils  INTEGER NOT NULL CHECK (fee_fils >= 0)
);

CREATE TABLE people (
  id                INTEGER PRIMARY KEY,
  national_no       TEXT UNIQUE,
  document_type     TEXT CHECK (document_type IN ('passport', 'residence-permit')),
  document_no       TEXT,
  first_name_ar     TEXT NOT NULL,
  second_name_ar    TEXT NOT NULL,
  third_name_ar     TEXT,
  last_name_ar      TEXT NOT NULL,
  first_name_en     TEXT NOT NULL,
  second_name_en    TEXT NOT NULL,
  third_name_en     TEXT,
  last_name_en      TEXT NOT NULL,
  date_of_birth     TEXT NOT NULL,
  gender            TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  nationality_code  TEXT NOT NULL,
  address           TEXT NOT NULL DEFAULT '',
  phone             TEXT,
  email             TEXT,
  deceased          INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1)),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (national_no IS NOT NULL OR (document_type IS NOT NULL AND document_no IS NOT NULL)),
  UNIQUE (document_type, document_no)
);
CREATE INDEX people_phone ON people (phone);
CREATE INDEX people_first_name_en ON people (first_name_en COLLATE NOCASE);
CREATE INDEX people_last_name_en ON people (last_name_en COLLATE NOCASE);
CREATE INDEX people_first_name_ar ON people (first_name_ar);
CREATE INDEX people_last_name_ar ON people (last_name_ar);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  password_hash  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('administrator', 'clerk', 'examiner', 'officer', 'finance', 'auditor')),
  branch_id      INTEGER NOT NULL REFERENCES branches (id),
  person_id      INTEGER UNIQUE REFERENCES people (id),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT NOT NULL UNIQUE,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  ip            TEXT NOT NULL DEFAULT '',
  user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
