package dev.wrkr.budget;

import java.util.Objects;

/**
 * One exceeded limit, as Wrkr names it in checkpoints and error details.
 *
 * @param key the usage counter: {@code wall_time_seconds}, {@code retry_count}, {@code step_count},
 *     {@code tool_call_count}, {@code estimated_cost} or {@code tokens}
 * @param text Wrkr's violation string, {@code key>limit}, e.g. {@code step_count>20} or {@code
 *     estimated_cost>2.5000}
 */
public record Violation(String key, String text) {
  public Violation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
