package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-job leases that keep two workers from running the same job. Every operation is one atomic
 * statement or transaction in the store, so it is safe across threads, processes and machines.
 *
 * <p>Time comes from the caller ({@code now}); workers sharing a store must keep their clocks
 * within a small fraction of the TTL of each other. Each successful acquisition increments the
 * lease's {@code epoch}, a fencing token for the holder.
 */
public interface Leases {
  /**
   * Takes the job's lease for {@code worker} until {@code now + ttl}. Succeeds when there is no
   * lease, when the lease has expired ({@code expiresAt <= now}), or when {@code worker} already
   * holds it (re-entry, which keeps the lease id and epoch).
   */
  LeaseResult acquire(JobId job, WorkerId worker, Instant now, Duration ttl);

  /** Extends {@code lease} to {@code now + ttl}; empty when it is no longer the current lease. */
  Optional<Lease> heartbeat(Lease lease, Instant now, Duration ttl);

  /** Releases {@code lease}; false when it was no longer the current lease (nothing changed). */
  boolean release(Lease lease);

  /** The job's current lease, expired or not; empty when none is recorded. */
  Optional<Lease> current(JobId job);
}
