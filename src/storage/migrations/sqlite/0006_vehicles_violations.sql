-- Vehicles, their insurance, inspections, liens, seizures, ownership and transfers; violations,
-- demerit points and suspensions (SQLite).

ALTER TABLE branches ADD COLUMN plate_region INTEGER NOT NULL DEFAULT 10;
UPDATE branches SET plate_region = 10 WHERE code = 'AMM';
UPDATE branches SET plate_region = 20 WHERE code = 'IRB';
UPDATE branches SET plate_region = 30 WHERE code = 'ZRQ';
UPDATE branches SET plate_region = 40 WHERE code = 'AQB';
INSERT INTO counters (name, value) VALUES ('plate', 0);

ALTER TABLE bills ADD COLUMN vehicle_id INTEGER;
CREATE INDEX bills_vehicle_status ON bills (vehicle_id, status, kind);

CREATE TABLE vehicles (
  id               INTEGER PRIMARY KEY,
  vin              TEXT NOT NULL UNIQUE,
  plate            TEXT NOT NULL UNIQUE,
  make             TEXT NOT NULL,
  model            TEXT NOT NULL,
  model_year       INTEGER NOT NULL,
  color            TEXT NOT NULL,
  engine_cc        INTEGER,
  electric         INTEGER NOT NULL DEFAULT 0 CHECK (electric IN (0, 1)),
  fuel             TEXT NOT NULL,
  seats            INTEGER NOT NULL,
  weight_kg        INTEGER NOT NULL,
  category         TEXT NOT NULL CHECK (category IN ('private', 'public', 'commercial', 'motorcycle')),
  owner_person_id  INTEGER NOT NULL REFERENCES people (id),
  license_expiry   TEXT NOT NULL,
  registered_at    TEXT NOT NULL,
  deregistered_at  TEXT,
  branch_id        INTEGER NOT NULL REFERENCES branches (id)
);
CREATE INDEX vehicles_owner ON vehicles (owner_person_id);

CREATE TABLE vehicle_owners (
  id           INTEGER PRIMARY KEY,
  vehicle_id   INTEGER NOT NULL REFERENCES vehicles (id),
  person_id    INTEGER NOT NULL REFERENCES people (id),
  from_date    TEXT NOT NULL,
  to_date      TEXT,
  transfer_id  INTEGER
);
CREATE INDEX vehicle_owners_vehicle ON vehicle_owners (vehicle_id, id);

CREATE TABLE insurance_policies (
  id                 INTEGER PRIMARY KEY,
  vehicle_id         INTEGER NOT NULL REFERENCES vehicles (id),
  insurer            TEXT NOT NULL,
  policy_number      TEXT NOT NULL,
  insured_person_id  INTEGER NOT NULL REFERENCES people (id),
  start_date         TEXT NOT NULL,
  end_date           TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  UNIQUE (insurer, policy_number),
  CHECK (end_date > start_date)
);
CREATE INDEX insurance_vehicle ON insurance_policies (vehicle_id, end_date);

CREATE TABLE inspections (
  id               INTEGER PRIMARY KEY,
  vehicle_id       INTEGER NOT NULL REFERENCES vehicles (id),
  centre           TEXT NOT NULL,
  inspection_date  TEXT NOT NULL,
  passed           INTEGER NOT NULL CHECK (passed IN (0, 1)),
  odometer_km      INTEGER NOT NULL CHECK (odometer_km >= 0),
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL
);
CREATE INDEX inspections_vehicle ON inspections (vehicle_id, inspection_date);

CREATE TABLE liens (
  id           INTEGER PRIMARY KEY,
  vehicle_id   INTEGER NOT NULL REFERENCES vehicles (id),
  holder       TEXT NOT NULL,
  amount_fils  INTEGER NOT NULL CHECK (amount_fils > 0),
  placed_at    TEXT NOT NULL,
  lifted_at    TEXT
);
CREATE INDEX liens_vehicle ON liens (vehicle_id);

CREATE TABLE seizures (
  id          INTEGER PRIMARY KEY,
  vehicle_id  INTEGER NOT NULL REFERENCES vehicles (id),
  authority   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  placed_at   TEXT NOT NULL,
  lifted_at   TEXT
);
CREATE INDEX seizures_vehicle ON seizures (vehicle_id);

CREATE TABLE transfers (
  id                INTEGER PRIMARY KEY,
  vehicle_id        INTEGER NOT NULL REFERENCES vehicles (id),
  seller_person_id  INTEGER NOT NULL REFERENCES people (id),
  buyer_person_id   INTEGER NOT NULL REFERENCES people (id),
  status            TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'cancelled')),
  fee_fils          INTEGER NOT NULL,
  bill_id           INTEGER REFERENCES bills (id),
  created_at        TEXT NOT NULL,
  completed_at      TEXT
);
CREATE UNIQUE INDEX transfers_one_pending ON transfers (vehicle_id) WHERE status = 'pending';

CREATE TABLE violation_types (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name_ar    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  fine_fils  INTEGER NOT NULL CHECK (fine_fils >= 0),
  points     INTEGER NOT NULL CHECK (points BETWEEN 0 AND 30)
);
INSERT INTO violation_types (id, code, name_ar, name_en, fine_fils, points) VALUES
  (1, 'speeding-minor', 'تجاوز السرعة بأقل من 20 كم/س', 'Speeding by less than 20 km/h', 20000, 2),
  (2, 'speeding-major', 'تجاوز السرعة بأكثر من 40 كم/س', 'Speeding by more than 40 km/h', 150000, 6),
  (3, 'red-light', 'قطع الإشارة الضوئية الحمراء', 'Running a red light', 100000, 6),
  (4, 'phone', 'استخدام الهاتف أثناء القيادة', 'Using a phone while driving', 50000, 4),
  (5, 'seat-belt', 'عدم ربط حزام الأمان', 'Not wearing a seat belt', 15000, 2),
  (6, 'wrong-way', 'السير عكس اتجاه السير', 'Driving the wrong way', 100000, 8),
  (7, 'parking', 'الوقوف في مكان ممنوع', 'Parking where forbidden', 15000, 0),
  (8, 'no-insurance', 'القيادة دون تأمين', 'Driving without insurance', 100000, 4),
  (9, 'reckless', 'القيادة بتهور', 'Reckless driving', 200000, 10);

CREATE TABLE violations (
  id                 INTEGER PRIMARY KEY,
  violation_type_id  INTEGER NOT NULL REFERENCES violation_types (id),
  license_id         INTEGER REFERENCES licenses (id),
  vehicle_id         INTEGER REFERENCES vehicles (id),
  person_id          INTEGER NOT NULL REFERENCES people (id),   -- who answers for it: the driver, else the owner
  place              TEXT NOT NULL,
  occurred_at        TEXT NOT NULL,
  occurred_on        TEXT NOT NULL,
  notes              TEXT NOT NULL DEFAULT '',
  fine_fils          INTEGER NOT NULL,
  points             INTEGER NOT NULL,
  bill_id            INTEGER NOT NULL REFERENCES bills (id),
  status             TEXT NOT NULL CHECK (status IN ('recorded', 'disputed', 'upheld', 'cancelled')),
  recorded_by        TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  disputed_at        TEXT,
  decided_at         TEXT,
  CHECK (license_id IS NOT NULL OR vehicle_id IS NOT NULL)
);
CREATE INDEX violations_person ON violations (person_id, occurred_on);
CREATE INDEX violations_vehicle ON violations (vehicle_id);

CREATE TABLE suspensions (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES people (id),
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  points        INTEGER NOT NULL,
  days          INTEGER NOT NULL,
  violation_id  INTEGER REFERENCES violations (id),
  lifted_at     TEXT
);
CREATE INDEX suspensions_person ON suspensions (person_id, end_date);
