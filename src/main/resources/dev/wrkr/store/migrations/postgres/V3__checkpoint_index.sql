-- wrkr store schema 3 (PostgreSQL). Keep in step with ../sqlite/V3__checkpoint_index.sql.
--
-- The checkpoints of a job without walking its other events (`checkpoint list` and `show`,
-- `approve`). Partial, so that only a checkpoint's append writes to it; every other
-- append costs nothing more. A query uses it only when its WHERE clause names the type as this
-- literal (JdbcLedger.READ_CHECKPOINTS).
CREATE INDEX events_checkpoints ON events (job_id, seq) WHERE type = 'checkpoint_emitted';
