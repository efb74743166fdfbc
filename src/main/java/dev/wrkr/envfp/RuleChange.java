package dev.wrkr.envfp;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule whose value differs between the recorded and the current fingerprint. A side is empty
 * when that fingerprint has no such rule, as when a job recorded by Wrkr ({@code go_version}) is
 * resumed here ({@code java_version}).
 */
public record RuleChange(String rule, Optional<String> expected, Optional<String> actual) {
  public RuleChange {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /** {@code rule old -> new}, e.g. {@code java_version 21 -> 25}; {@code ""} for an empty value. */
  public String describe() {
    return rule + " " + show(expected) + " -> " + show(actual);
  }

  private static String show(Optional<String> value) {
    return value.map(v -> v.isEmpty() ? "\"\"" : v).orElse("(none)");
  }
}
