package dev.wrkr.store.jdbc;

import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStateJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Migration 2's fill: the checkpoint columns of the jobs that an earlier build snapshotted, read
 * from their snapshots. A snapshot that does not read back (it is a cache; it may be garbage) is
 * dropped instead, so no listing trusts a status without its checkpoint; the next load or listing
 * folds that job's ledger, as for any job without a snapshot.
 */
final class SnapshotCheckpointFill {
  private static final String SNAPSHOTS =
      "SELECT job_id, snapshot_seq, snapshot_state FROM jobs WHERE snapshot_state IS NOT NULL";
  private static final String SET =
      "UPDATE jobs SET snapshot_checkpoint_seq = ?, snapshot_checkpoint_type = ?,"
          + " snapshot_checkpoint_summary = ? WHERE job_id = ?";
  private static final String DROP =
      "UPDATE jobs SET snapshot_seq = NULL, snapshot_status = NULL, snapshot_updated_at = NULL,"
          + " snapshot_state = NULL WHERE job_id = ?";

  private SnapshotCheckpointFill() {}

  private record Snapshot(String jobId, long seq, String json) {}

  static void run(Connection connection) throws SQLException {
    List<Snapshot> snapshots = Jdbc.query(connection, SNAPSHOTS,
        row -> new Snapshot(row.getString("job_id"), row.getLong("snapshot_seq"), row.getString("snapshot_state")));
    try (PreparedStatement set = connection.prepareStatement(SET);
        PreparedStatement drop = connection.prepareStatement(DROP)) {
      for (Snapshot s : snapshots) {
        Optional<JobState> state = read(s);
        if (state.isEmpty()) {
          Jdbc.bind(drop, s.jobId());
          drop.addBatch();
        } else if (state.get().lastCheckpoint().isPresent()) {
          JobState.CheckpointRef cp = state.get().lastCheckpoint().get();
          Jdbc.bind(set, cp.seq(), cp.type(), cp.summary(), s.jobId());
          set.addBatch();
        }
      }
      set.executeBatch();
      drop.executeBatch();
    }
  }

  private static Optional<JobState> read(Snapshot s) {
    try {
      JobState state = JobStateJson.read(s.json());
      return state.lastAppliedSeq() == s.seq() && state.jobId().value().equals(s.jobId())
          ? Optional.of(state)
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
