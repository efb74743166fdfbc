-- wrkr store schema 1 (SQLite). Keep in step with ../postgres/V1__init.sql: the SQL in
-- dev.wrkr.store.jdbc runs unchanged on both.
--
-- Instants that are only read back are ISO-8601 UTC text with nine fraction digits; instants
-- that SQL compares (lease expiry) are epoch nanoseconds.

-- One row per job: its ledger position and its cached snapshot (all four snapshot columns are
-- set together or all NULL).
CREATE TABLE jobs (
  job_id              TEXT    NOT NULL PRIMARY KEY,
  created_at          TEXT    NOT NULL,
  last_seq            INTEGER NOT NULL CHECK (last_seq >= 1),
  snapshot_seq        INTEGER,
  snapshot_status     TEXT,
  snapshot_updated_at TEXT,
  snapshot_state      TEXT
);

CREATE INDEX jobs_by_snapshot_status ON jobs (snapshot_status, job_id);

-- The ledger: append-only, sequence numbers 1.. without gaps per job.
CREATE TABLE events (
  job_id     TEXT    NOT NULL REFERENCES jobs (job_id),
  seq        INTEGER NOT NULL CHECK (seq >= 1),
  created_at TEXT    NOT NULL,
  type       TEXT    NOT NULL,
  payload    TEXT    NOT NULL,
  PRIMARY KEY (job_id, seq)
);

-- One lease row per job ever leased; a released lease keeps its epoch so the next one is larger.
CREATE TABLE leases (
  job_id       TEXT    NOT NULL PRIMARY KEY,
  worker_id    TEXT    NOT NULL,
  lease_id     TEXT    NOT NULL,
  epoch        INTEGER NOT NULL CHECK (epoch >= 1),
  acquired_at  INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  released     INTEGER NOT NULL DEFAULT 0 CHECK (released IN (0, 1))
);
