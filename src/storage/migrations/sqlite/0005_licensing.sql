-- Driving licence services (SQLite): applications, bills and payments, test appointments,
-- drivers, licences, detentions, international permits, counters, idempotency keys.

ALTER TABLE test_types ADD COLUMN daily_capacity INTEGER NOT NULL DEFAULT 40 CHECK (daily_capacity >= 0);

-- Numbers that are handed out once and never again (licences, receipts, permits).
CREATE TABLE counters (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('license', 0), ('receipt', 0), ('permit', 0);

CREATE TABLE applications (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES people (id),
  type_code          TEXT NOT NULL REFERENCES application_types (code),
  license_class_id   INTEGER REFERENCES license_classes (id),
  license_id         INTEGER,                 -- the licence a renewal, replacement, release or permit acts on
  status             TEXT NOT NULL CHECK (status IN ('new', 'completed', 'cancelled')),
  application_date   TEXT NOT NULL,
  reason             TEXT,                    -- replacement: lost | damaged
  branch_id          INTEGER NOT NULL REFERENCES branches (id),
  created_by         INTEGER NOT NULL REFERENCES users (id),
  created_at         TEXT NOT NULL,
  closed_at          TEXT,
  result_license_id  INTEGER,
  result_permit_id   INTEGER
);
-- One open application per person and class (new licences) and per licence (other services).
CREATE UNIQUE INDEX applications_one_open_per_class ON applications (person_id, license_class_id)
  WHERE status = 'new' AND type_code = 'new-local-license';
CREATE UNIQUE INDEX applications_one_open_per_license ON applications (license_id)
  WHERE status = 'new' AND license_id IS NOT NULL;
CREATE INDEX applications_person ON applications (person_id, id);
CREATE INDEX applications_status ON applications (status, id);
CREATE INDEX applications_branch_date ON applications (branch_id, application_date);

CREATE TABLE bills (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  application_id  INTEGER REFERENCES applications (id),
  kind            TEXT NOT NULL,               -- application, test, license-fee, fine
  status          TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
  total_fils      INTEGER NOT NULL CHECK (total_fils >= 0),
  created_at      TEXT NOT NULL,
  due_date        TEXT,
  paid_at         TEXT
);
CREATE INDEX bills_application ON bills (application_id);
CREATE INDEX bills_person_status ON bills (person_id, status, kind);

CREATE TABLE bill_lines (
  id              INTEGER PRIMARY KEY,
  bill_id         INTEGER NOT NULL REFERENCES bills (id),
  item_code       TEXT NOT NULL,
  description_en  TEXT NOT NULL,
  description_ar  TEXT NOT NULL,
  amount_fils     INTEGER NOT NULL CHECK (amount_fils >= 0)
);
CREATE INDEX bill_lines_bill ON bill_lines (bill_id);

-- A bill is paid once: one payment per bill.
CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  bill_id          INTEGER NOT NULL UNIQUE REFERENCES bills (id),
  receipt_no       TEXT NOT NULL UNIQUE,
  method           TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_fils      INTEGER NOT NULL,
  paid_at          TEXT NOT NULL,
  collected_by     INTEGER NOT NULL REFERENCES users (id),
  branch_id        INTEGER NOT NULL REFERENCES branches (id),
  idempotency_key  TEXT
);

CREATE TABLE test_appointments (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  test_type_id    INTEGER NOT NULL REFERENCES test_types (id),
  appointment_date TEXT NOT NULL,
  branch_id       INTEGER NOT NULL REFERENCES branches (id),
  status          TEXT NOT NULL CHECK (status IN ('scheduled', 'passed', 'failed', 'cancelled')),
  attempt         INTEGER NOT NULL CHECK (attempt >= 1),
  bill_id         INTEGER NOT NULL REFERENCES bills (id),
  notes           TEXT,
  examiner_id     INTEGER REFERENCES users (id),
  recorded_at     TEXT,
  created_at      TEXT NOT NULL
);
-- One open appointment per test of an application.
CREATE UNIQUE INDEX test_appointments_one_open ON test_appointments (application_id, test_type_id)
  WHERE status = 'scheduled';
CREATE INDEX test_appointments_day ON test_appointments (branch_id, test_type_id, appointment_date);
CREATE INDEX test_appointments_application ON test_appointments (application_id);

CREATE TABLE drivers (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL UNIQUE REFERENCES people (id),
  created_at  TEXT NOT NULL
);

CREATE TABLE licenses (
  id                 INTEGER PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  driver_id          INTEGER NOT NULL REFERENCES drivers (id),
  person_id          INTEGER NOT NULL REFERENCES people (id),
  license_class_id   INTEGER NOT NULL REFERENCES license_classes (id),
  application_id     INTEGER NOT NULL REFERENCES applications (id),
  issue_date         TEXT NOT NULL,
  expiry_date        TEXT NOT NULL,
  issue_reason       TEXT NOT NULL CHECK (issue_reason IN ('first-issue', 'renewal', 'replacement-lost', 'replacement-damaged')),
  superseded_reason  TEXT CHECK (superseded_reason IN ('renewed', 'replaced')),
  superseded_by      INTEGER,
  lost               INTEGER NOT NULL DEFAULT 0 CHECK (lost IN (0, 1)),
  created_by         INTEGER NOT NULL REFERENCES users (id),
  created_at         TEXT NOT NULL
);
-- At most one current licence per person and class.
CREATE UNIQUE INDEX licenses_one_current_per_class ON licenses (person_id, license_class_id)
  WHERE superseded_reason IS NULL;
CREATE INDEX licenses_person ON licenses (person_id, id);

CREATE TABLE detentions (
  id                      INTEGER PRIMARY KEY,
  license_id              INTEGER NOT NULL REFERENCES licenses (id),
  detained_on             TEXT NOT NULL,
  fine_fils               INTEGER NOT NULL CHECK (fine_fils > 0),
  reason                  TEXT NOT NULL,
  detained_by             INTEGER NOT NULL REFERENCES users (id),
  released_at             TEXT,
  released_by             INTEGER REFERENCES users (id),
  release_application_id  INTEGER REFERENCES applications (id)
);
-- Detained once at a time.
CREATE UNIQUE INDEX detentions_one_open ON detentions (license_id) WHERE released_at IS NULL;

CREATE TABLE international_permits (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  license_id      INTEGER NOT NULL REFERENCES licenses (id),
  person_id       INTEGER NOT NULL REFERENCES people (id),
  application_id  INTEGER NOT NULL REFERENCES applications (id),
  issue_date      TEXT NOT NULL,
  expiry_date     TEXT NOT NULL,
  ended_at        TEXT,
  created_by      INTEGER NOT NULL REFERENCES users (id),
  created_at      TEXT NOT NULL
);
-- One active permit per person.
CREATE UNIQUE INDEX international_permits_one_active ON international_permits (person_id) WHERE ended_at IS NULL;

-- Requests that pay money may carry an Idempotency-Key: the first answer is kept and replayed.
CREATE TABLE idempotency_keys (
  principal    TEXT NOT NULL,
  idem_key     TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status       INTEGER NOT NULL,           -- 0 while the first request is running
  response     TEXT,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (principal, idem_key)
);
