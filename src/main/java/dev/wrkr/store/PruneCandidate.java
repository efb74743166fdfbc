package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A job that {@link Retention} may remove: where its ledger ends, when its last event was written,
 * its status and the UTF-8 bytes of its events' payloads (what pruning frees, roughly).
 */
public record PruneCandidate(
    JobId jobId, long lastSeq, Instant lastEventAt, String status, long payloadBytes) {
  public PruneCandidate {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(lastEventAt, "lastEventAt");
    Objects.requireNonNull(status, "status");
    if (lastSeq < 1 || payloadBytes < 0) {
      throw new IllegalArgumentException("lastSeq must be >= 1 and payloadBytes >= 0");
    }
  }
}
