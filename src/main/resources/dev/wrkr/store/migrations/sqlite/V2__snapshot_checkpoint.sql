-- wrkr store schema 2 (SQLite). Keep in step with ../postgres/V2__snapshot_checkpoint.sql.
--
-- The latest checkpoint of a job's snapshotted state, written with the snapshot (in the same
-- statement), so that listing jobs reads no snapshot JSON. Set when the state has a checkpoint,
-- NULL otherwise and whenever the snapshot is. Rows of earlier stores are filled by the
-- migrator from their snapshots (Migrator.fillSnapshotCheckpoints).
ALTER TABLE jobs ADD COLUMN snapshot_checkpoint_seq INTEGER;
ALTER TABLE jobs ADD COLUMN snapshot_checkpoint_type TEXT;
ALTER TABLE jobs ADD COLUMN snapshot_checkpoint_summary TEXT;
