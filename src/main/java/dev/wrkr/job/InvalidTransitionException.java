package dev.wrkr.job;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A status change the transition table does not allow; carries {@code from} and {@code to}. */
public final class InvalidTransitionException extends WrkrException {
  private final JobStatus from;
  private final JobStatus to;

  public InvalidTransitionException(JobStatus from, JobStatus to) {
    super(
        ReasonCode.E_INVALID_STATE_TRANSITION,
        "invalid status transition \"" + from + "\" -> \"" + to + "\"",
        details(from, to));
    this.from = from;
    this.to = to;
  }

  private static Map<String, Object> details(JobStatus from, JobStatus to) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("from", from.wire());
    d.put("to", to.wire());
    return d;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}
