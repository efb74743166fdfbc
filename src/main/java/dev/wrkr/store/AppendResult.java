package dev.wrkr.store;

/** Outcome of {@link Ledger#append}: an expected race is a value, not an exception. */
public sealed interface AppendResult {
  /** The batch was written as sequence numbers {@code firstSeq..lastSeq}. */
  record Appended(long firstSeq, long lastSeq) implements AppendResult {}

  /** Nothing was written: the job's last sequence number was {@code actualLastSeq}. */
  record Conflict(long expectedLastSeq, long actualLastSeq) implements AppendResult {}
}
