package dev.wrkr.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every exception that carries a stable {@link ReasonCode}.
 *
 * <p>Each capability throws its own subclass; the edges (CLI, HTTP) turn any of them into an
 * error envelope through the code alone. {@code details} is typed context for machines (ids,
 * fields, limits) and is rendered in insertion order.
 */
public class WrkrException extends RuntimeException {
  private final ReasonCode code;
  private final Map<String, Object> details;

  public WrkrException(ReasonCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public WrkrException(ReasonCode code, String message, Map<String, ?> details) {
    this(code, message, details, null);
  }

  public WrkrException(ReasonCode code, String message, Map<String, ?> details, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public ReasonCode code() {
    return code;
  }

  /** Context for machines, in the order it was given; empty when there is none. */
  public Map<String, Object> details() {
    return details;
  }
}
