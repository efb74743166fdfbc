package dev.wrkr.store;

import java.util.Objects;

/** Who holds a lease: {@code dispatch-<pid>} for the CLI, a configured name for workers. */
public record WorkerId(String value) {
  public WorkerId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("worker id must be 1..200 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
