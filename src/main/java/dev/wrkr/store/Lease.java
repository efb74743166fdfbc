package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on a job until {@code expiresAt}. {@code leaseId} names this acquisition;
 * {@code epoch} counts acquisitions of the job's lease (a fencing token).
 */
public record Lease(
    JobId jobId,
    WorkerId worker,
    String leaseId,
    long epoch,
    Instant acquiredAt,
    Instant heartbeatAt,
    Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
