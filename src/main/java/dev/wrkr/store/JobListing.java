package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One job as a listing reads it from the index, without its snapshot's JSON.
 *
 * @param snapshot what the cached snapshot says, if there is one; it is current only when its
 *     {@code seq} is {@code lastSeq}
 */
public record JobListing(JobId jobId, long lastSeq, Instant createdAt, Optional<Summary> snapshot) {
  public JobListing {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** The snapshot's position, status and latest checkpoint. */
  public record Summary(long seq, String status, Optional<SnapshotCheckpoint> lastCheckpoint) {
    public Summary {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    }
  }

  /** The snapshot's summary when it is at the ledger's end; empty when stale or dropped. */
  public Optional<Summary> current() {
    return snapshot.filter(s -> s.seq() == lastSeq);
  }
}
