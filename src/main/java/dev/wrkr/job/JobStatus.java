package dev.wrkr.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Wire names computed once: listings look a status up per line, and lower-casing every
   * constant's name for each lookup showed in a cold {@code checkpoint list} (docs/performance.md).
   */
  private final String wire = name().toLowerCase(Locale.ROOT);

  private static final Map<String, JobStatus> BY_WIRE = byWire();

  private static Map<String, JobStatus> byWire() {
    Map<String, JobStatus> byWire = new HashMap<>();
    for (JobStatus s : values()) {
      byWire.put(s.wire, s);
    }
    return Map.copyOf(byWire);
  }

  /** The name used in JSON, the ledger and the CLI, e.g. {@code blocked_decision}. */
  @JsonValue
  public String wire() {
    return wire;
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
    return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
  }

  @Override
  public String toString() {
    return wire();
  }
}
