package dev.wrkr.store.jdbc;

import dev.wrkr.job.JobId;
import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobListing;
import dev.wrkr.store.JobRow;
import dev.wrkr.store.JobSnapshot;
import dev.wrkr.store.SnapshotCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The job index on the {@code jobs} table. */
public final class JdbcJobIndex implements JobIndex {
  private static final String CHECKPOINT_COLUMNS =
      "snapshot_checkpoint_seq, snapshot_checkpoint_type, snapshot_checkpoint_summary";
  private static final String COLUMNS =
      "job_id, created_at, last_seq, snapshot_seq, snapshot_status, snapshot_updated_at,"
          + " snapshot_state, " + CHECKPOINT_COLUMNS;
  private static final String FIND = "SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?";
  private static final String LIST = "SELECT " + COLUMNS + " FROM jobs ORDER BY job_id LIMIT ?";
  private static final String LIST_BY_STATUS =
      "SELECT " + COLUMNS + " FROM jobs WHERE snapshot_status = ? ORDER BY job_id LIMIT ?";
  private static final String LISTINGS =
      "SELECT job_id, created_at, last_seq, snapshot_seq, snapshot_status, " + CHECKPOINT_COLUMNS
          + " FROM jobs ORDER BY job_id LIMIT ?";
  private static final String DROP_SNAPSHOTS =
      "UPDATE jobs SET snapshot_seq = NULL, snapshot_status = NULL, snapshot_updated_at = NULL,"
          + " snapshot_state = NULL, snapshot_checkpoint_seq = NULL, snapshot_checkpoint_type = NULL,"
          + " snapshot_checkpoint_summary = NULL WHERE snapshot_seq IS NOT NULL"
          + " OR snapshot_status IS NOT NULL OR snapshot_updated_at IS NOT NULL"
          + " OR snapshot_state IS NOT NULL OR snapshot_checkpoint_seq IS NOT NULL";

  private final Jdbc jdbc;

  public JdbcJobIndex(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  @Override
  public Optional<JobRow> find(JobId job) {
    Objects.requireNonNull(job, "job");
    return jdbc.withConnection(
        "find job " + job,
        connection -> Jdbc.queryOne(connection, FIND, JdbcJobIndex::row, job.value()));
  }

  @Override
  public List<JobRow> list(Optional<String> status, int limit) {
    Objects.requireNonNull(status, "status");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return jdbc.withConnection(
        "list jobs",
        connection ->
            status.isPresent()
                ? Jdbc.query(connection, LIST_BY_STATUS, JdbcJobIndex::row, status.get(), limit)
                : Jdbc.query(connection, LIST, JdbcJobIndex::row, limit));
  }

  @Override
  public List<JobListing> listings(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return jdbc.withConnection("list jobs", connection -> Jdbc.query(connection, LISTINGS, JdbcJobIndex::listing, limit));
  }

  @Override
  public void dropSnapshots() {
    jdbc.inTransaction("drop snapshots", connection -> Jdbc.update(connection, DROP_SNAPSHOTS));
  }

  private static JobRow row(ResultSet row) throws SQLException {
    String id = row.getString("job_id");
    return Rows.decode(
        "a job row",
        Rows.details("job_id", String.valueOf(id)),
        () -> {
          long lastSeq = Rows.requiredLong(row, "last_seq");
          return new JobRow(
              new JobId(id),
              lastSeq,
              Rows.instant(row.getString("created_at")),
              snapshot(row, lastSeq));
        });
  }

  private static JobListing listing(ResultSet row) throws SQLException {
    String id = row.getString("job_id");
    return Rows.decode(
        "a job row",
        Rows.details("job_id", String.valueOf(id)),
        () -> {
          long lastSeq = Rows.requiredLong(row, "last_seq");
          long seq = row.getLong("snapshot_seq");
          boolean seqNull = row.wasNull();
          String status = row.getString("snapshot_status");
          Optional<JobListing.Summary> summary = seqNull || status == null
              ? Optional.empty()
              : Optional.of(new JobListing.Summary(seq, status, checkpoint(row)));
          return new JobListing(new JobId(id), lastSeq, Rows.instant(row.getString("created_at")), summary);
        });
  }

  /**
   * All four snapshot columns are set together or all NULL, and a snapshot is never ahead of the
   * ledger; anything else is corrupt. The checkpoint columns are set when the snapshotted state has
   * a checkpoint.
   */
  private static Optional<JobSnapshot> snapshot(ResultSet row, long lastSeq) throws SQLException {
    long seq = row.getLong("snapshot_seq");
    boolean seqNull = row.wasNull();
    String status = row.getString("snapshot_status");
    String updatedAt = row.getString("snapshot_updated_at");
    String state = row.getString("snapshot_state");
    if (seqNull && status == null && updatedAt == null && state == null) {
      return Optional.empty();
    }
    if (seqNull) {
      throw new IllegalStateException("snapshot columns are set but snapshot_seq is null");
    }
    if (seq > lastSeq) {
      throw new IllegalStateException(
          "snapshot at " + seq + " is ahead of the ledger at " + lastSeq);
    }
    return Optional.of(new JobSnapshot(seq, status, Rows.instant(updatedAt), state, checkpoint(row)));
  }

  private static Optional<SnapshotCheckpoint> checkpoint(ResultSet row) throws SQLException {
    long seq = row.getLong("snapshot_checkpoint_seq");
    if (row.wasNull()) {
      return Optional.empty();
    }
    return Optional.of(new SnapshotCheckpoint(seq, row.getString("snapshot_checkpoint_type"),
        row.getString("snapshot_checkpoint_summary")));
  }
}
