package dev.wrkr.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cache of a job's folded state at {@code seq}: its status and latest checkpoint (for listings)
 * and the state as JSON. Snapshots can be dropped at any time; state is then rebuilt from the
 * ledger.
 */
public record JobSnapshot(long seq, String status, Instant updatedAt, String stateJson,
    Optional<SnapshotCheckpoint> lastCheckpoint) {
  public JobSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(stateJson, "stateJson");
    Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    if (seq < 1) {
      throw new IllegalArgumentException("snapshot seq must be >= 1: " + seq);
    }
  }

  /** A snapshot of a state without a checkpoint. */
  public JobSnapshot(long seq, String status, Instant updatedAt, String stateJson) {
    this(seq, status, updatedAt, stateJson, Optional.empty());
  }
}
