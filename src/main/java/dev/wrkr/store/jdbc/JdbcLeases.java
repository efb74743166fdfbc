package dev.wrkr.store.jdbc;

import dev.wrkr.job.JobId;
import dev.wrkr.store.Lease;
import dev.wrkr.store.LeaseResult;
import dev.wrkr.store.Leases;
import dev.wrkr.store.StoreException;
import dev.wrkr.store.WorkerId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Leases on the {@code leases} table, one row per job. Acquisition is a single upsert whose
 * {@code WHERE} admits it only when the row is released, expired or already this worker's, so
 * two acquirers can never both win (the losing upsert changes nothing and returns no row).
 */
public final class JdbcLeases implements Leases {
  private static final String COLUMNS =
      "job_id, worker_id, lease_id, epoch, acquired_at, heartbeat_at, expires_at";
  /** Re-entry: the same worker's live lease keeps its id, epoch and acquisition time. */
  private static final String SAME_LIVE_HOLDER =
      "leases.released = 0 AND leases.expires_at > ? AND leases.worker_id = excluded.worker_id";
  private static final String ACQUIRE =
      "INSERT INTO leases (job_id, worker_id, lease_id, epoch, acquired_at, heartbeat_at,"
          + " expires_at, released) VALUES (?, ?, ?, 1, ?, ?, ?, 0)"
          + " ON CONFLICT (job_id) DO UPDATE SET"
          + " lease_id = CASE WHEN "
          + SAME_LIVE_HOLDER
          + " THEN leases.lease_id ELSE excluded.lease_id END,"
          + " epoch = CASE WHEN "
          + SAME_LIVE_HOLDER
          + " THEN leases.epoch ELSE leases.epoch + 1 END,"
          + " acquired_at = CASE WHEN "
          + SAME_LIVE_HOLDER
          + " THEN leases.acquired_at ELSE excluded.acquired_at END,"
          + " worker_id = excluded.worker_id, heartbeat_at = excluded.heartbeat_at,"
          + " expires_at = excluded.expires_at, released = 0"
          + " WHERE leases.released = 1 OR leases.expires_at <= ?"
          + " OR leases.worker_id = excluded.worker_id"
          + " RETURNING "
          + COLUMNS;
  private static final String CURRENT =
      "SELECT " + COLUMNS + " FROM leases WHERE job_id = ? AND released = 0";
  private static final String HEARTBEAT =
      "UPDATE leases SET heartbeat_at = ?, expires_at = ?"
          + " WHERE job_id = ? AND lease_id = ? AND released = 0 RETURNING "
          + COLUMNS;
  private static final String RELEASE =
      "UPDATE leases SET released = 1 WHERE job_id = ? AND lease_id = ? AND released = 0";
  private static final int MAX_ROUNDS = 20;

  private final Jdbc jdbc;

  public JdbcLeases(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  @Override
  public LeaseResult acquire(JobId job, WorkerId worker, Instant now, Duration ttl) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(worker, "worker");
    long nowNanos = Rows.nanos(now);
    long expires = Rows.nanos(expiry(now, ttl));
    // In PostgreSQL the holder is read by a second statement that may see a newer row than the
    // upsert did (the holder released it meanwhile); then the acquisition is simply tried again.
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<LeaseResult> result =
          jdbc.inTransaction(
              "acquire the lease of job " + job,
              connection -> tryAcquire(connection, job, worker, nowNanos, expires));
      if (result.isPresent()) {
        return result.get();
      }
    }
    throw StoreException.unavailable(
        "the lease of job " + job + " kept changing while acquiring it; try again",
        Map.of("job_id", job.value()),
        null);
  }

  private static Optional<LeaseResult> tryAcquire(
      Connection connection, JobId job, WorkerId worker, long now, long expires)
      throws SQLException {
    Optional<Lease> acquired =
        Jdbc.queryOne(
            connection,
            ACQUIRE,
            JdbcLeases::lease,
            job.value(),
            worker.value(),
            UUID.randomUUID().toString(),
            now,
            now,
            expires,
            now,
            now,
            now,
            now);
    if (acquired.isPresent()) {
      return Optional.of(new LeaseResult.Acquired(acquired.get()));
    }
    Optional<Lease> holder = Jdbc.queryOne(connection, CURRENT, JdbcLeases::lease, job.value());
    return holder
        .filter(h -> Rows.nanos(h.expiresAt()) > now && !h.worker().equals(worker))
        .map(LeaseResult.Held::new);
  }

  @Override
  public Optional<Lease> heartbeat(Lease lease, Instant now, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    long beat = Rows.nanos(now);
    long expires = Rows.nanos(expiry(now, ttl));
    return jdbc.inTransaction(
        "heartbeat the lease of job " + lease.jobId(),
        connection ->
            Jdbc.queryOne(
                connection,
                HEARTBEAT,
                JdbcLeases::lease,
                beat,
                expires,
                lease.jobId().value(),
                lease.leaseId()));
  }

  @Override
  public boolean release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return jdbc.inTransaction(
        "release the lease of job " + lease.jobId(),
        connection ->
            Jdbc.update(connection, RELEASE, lease.jobId().value(), lease.leaseId()) == 1);
  }

  @Override
  public Optional<Lease> current(JobId job) {
    Objects.requireNonNull(job, "job");
    return jdbc.withConnection(
        "read the lease of job " + job,
        connection -> Jdbc.queryOne(connection, CURRENT, JdbcLeases::lease, job.value()));
  }

  private static Instant expiry(Instant now, Duration ttl) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
    }
    return now.plus(ttl);
  }

  private static Lease lease(ResultSet row) throws SQLException {
    String job = row.getString("job_id");
    return Rows.decode(
        "a lease",
        Rows.details("job_id", String.valueOf(job)),
        () ->
            new Lease(
                new JobId(job),
                new WorkerId(row.getString("worker_id")),
                row.getString("lease_id"),
                Rows.requiredLong(row, "epoch"),
                Rows.fromNanos(Rows.requiredLong(row, "acquired_at")),
                Rows.fromNanos(Rows.requiredLong(row, "heartbeat_at")),
                Rows.fromNanos(Rows.requiredLong(row, "expires_at"))));
  }
}
