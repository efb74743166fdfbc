package dev.wrkr.store;

import java.util.Objects;

/**
 * The latest checkpoint of a snapshotted state, kept in index columns beside the snapshot (written
 * in the same statement) so that a job listing reads no snapshot JSON.
 *
 * @param seq the checkpoint's event; its id is {@code cp_<seq>}
 */
public record SnapshotCheckpoint(long seq, String type, String summary) {
  public SnapshotCheckpoint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(summary, "summary");
    if (seq < 1) {
      throw new IllegalArgumentException("checkpoint seq must be >= 1: " + seq);
    }
  }
}
