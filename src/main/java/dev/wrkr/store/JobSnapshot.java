package dev.wrkr.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A cache of a job's folded state at {@code seq}: its status (for listings) and the state as JSON.
 * Snapshots can be dropped at any time; state is then rebuilt from the ledger.
 */
public record JobSnapshot(long seq, String status, Instant updatedAt, String stateJson) {
  public JobSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(stateJson, "stateJson");
    if (seq < 1) {
      throw new IllegalArgumentException("snapshot seq must be >= 1: " + seq);
    }
  }
}
