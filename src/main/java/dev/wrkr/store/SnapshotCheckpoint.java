package dev.wrkr.store;

import java.util.Objects;

/**
 * The latest checkpoint of a snapshotted state, kept in index columns beside the snapshot (written
 * in the same statement) so that a job listing reads no snapshot JSON.
 *
 * <p>The columns are plain text, which in PostgreSQL cannot hold U+0000 (the event itself can: its
 * JSON escapes it), so a U+0000 in the type or summary is kept here as U+FFFD on both stores;
 * otherwise a summary holding one (a JobSpec objective {@code "a\0b"}) made every append of the job
 * fail on PostgreSQL as if the server were unreachable.
 *
 * @param seq the checkpoint's event; its id is {@code cp_<seq>}
 */
public record SnapshotCheckpoint(long seq, String type, String summary) {
  public SnapshotCheckpoint {
    type = Objects.requireNonNull(type, "type").replace('\0', '\uFFFD');
    summary = Objects.requireNonNull(summary, "summary").replace('\0', '\uFFFD');
    if (seq < 1) {
      throw new IllegalArgumentException("checkpoint seq must be >= 1: " + seq);
    }
  }
}
