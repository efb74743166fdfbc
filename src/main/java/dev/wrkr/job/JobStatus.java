package dev.wrkr.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where a job stands. The wire names are Wrkr's; legal moves live in {@link Transitions}. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  PAUSED,
  BLOCKED_DECISION,
  BLOCKED_BUDGET,
  BLOCKED_ERROR,
  COMPLETED,
  CANCELED;

  /** The name used in JSON, the ledger and the CLI, e.g. {@code blocked_decision}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for statuses no transition leaves. */
  public boolean terminal() {
    return this == COMPLETED || this == CANCELED;
  }

  /** Reads a wire name; unknown names are an error for the caller to report. */
  @JsonCreator
  public static JobStatus parse(String wire) {
    return fromWire(wire)
        .orElseThrow(() -> new IllegalArgumentException("unknown job status \"" + wire + "\""));
  }

  public static Optional<JobStatus> fromWire(String wire) {
    for (JobStatus s : values()) {
      if (s.wire().equals(wire)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wire();
  }
}
