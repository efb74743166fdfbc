package dev.wrkr.store.jdbc;

import dev.wrkr.job.JobId;
import dev.wrkr.store.PruneCandidate;
import dev.wrkr.store.Retention;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Retention on the {@code jobs}, {@code events} and {@code leases} tables. */
public final class JdbcRetention implements Retention {
  private static final String TERMINAL = "('completed', 'canceled')";
  // created_at is ISO-8601 UTC text with nine fraction digits (Rows.text), so text order is time
  // order on both databases.
  private static final String CANDIDATES =
      "SELECT j.job_id, j.last_seq, j.snapshot_status, e.created_at FROM jobs j"
          + " JOIN events e ON e.job_id = j.job_id AND e.seq = j.last_seq"
          + " WHERE j.snapshot_seq = j.last_seq AND j.snapshot_status IN " + TERMINAL
          + " AND e.created_at < ? AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.job_id = j.job_id"
          + " AND l.released = 0 AND l.expires_at > ?) ORDER BY j.job_id";
  private static final String PAYLOADS = "SELECT payload FROM events WHERE job_id = ?";
  // The no-op UPDATE is the compare-and-set: it matches only an unchanged terminal job without a
  // live lease, and on PostgreSQL it row-locks the job so a concurrent append waits for us
  // (SQLite's BEGIN IMMEDIATE already serializes writers). Guarded by RetentionContract.
  private static final String CLAIM =
      "UPDATE jobs SET last_seq = last_seq WHERE job_id = ? AND last_seq = ?"
          + " AND snapshot_seq = last_seq AND snapshot_status IN " + TERMINAL
          + " AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.job_id = ? AND l.released = 0"
          + " AND l.expires_at > ?)";
  private static final String DELETE_EVENTS = "DELETE FROM events WHERE job_id = ?";
  private static final String DELETE_LEASE = "DELETE FROM leases WHERE job_id = ?";
  private static final String DELETE_JOB = "DELETE FROM jobs WHERE job_id = ?";

  private final Jdbc jdbc;

  public JdbcRetention(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  @Override
  public List<PruneCandidate> candidates(Instant olderThan, Instant now) {
    Objects.requireNonNull(olderThan, "olderThan");
    Objects.requireNonNull(now, "now");
    return jdbc.withConnection(
        "list prune candidates",
        connection -> {
          List<Row> rows =
              Jdbc.query(connection, CANDIDATES, JdbcRetention::row, Rows.text(olderThan),
                  Rows.nanos(now));
          List<PruneCandidate> out = new ArrayList<>();
          for (Row row : rows) {
            out.add(new PruneCandidate(row.job(), row.lastSeq(), row.lastEventAt(), row.status(),
                payloadBytes(connection, row.job())));
          }
          return out;
        });
  }

  @Override
  public boolean deleteIfStillPrunable(JobId job, long expectedLastSeq, Instant now) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(now, "now");
    return jdbc.inTransaction(
        "prune job " + job,
        connection -> {
          String id = job.value();
          if (Jdbc.update(connection, CLAIM, id, expectedLastSeq, id, Rows.nanos(now)) != 1) {
            return false;
          }
          Jdbc.update(connection, DELETE_EVENTS, id);
          Jdbc.update(connection, DELETE_LEASE, id);
          Jdbc.update(connection, DELETE_JOB, id);
          return true;
        });
  }

  private static long payloadBytes(Connection connection, JobId job) throws SQLException {
    long total = 0;
    for (String payload : Jdbc.query(connection, PAYLOADS, r -> r.getString(1), job.value())) {
      total += payload.getBytes(StandardCharsets.UTF_8).length;
    }
    return total;
  }

  private record Row(JobId job, long lastSeq, Instant lastEventAt, String status) {}

  private static Row row(ResultSet row) throws SQLException {
    String id = row.getString("job_id");
    return Rows.decode(
        "a prune candidate",
        Rows.details("job_id", String.valueOf(id)),
        () -> new Row(new JobId(id), Rows.requiredLong(row, "last_seq"),
            Rows.instant(row.getString("created_at")), row.getString("snapshot_status")));
  }
}
