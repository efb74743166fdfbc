package dev.wrkr.budget;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A limit that {@code resume --budget key=value} can set, by its JobSpec name. */
public enum BudgetKey {
  MAX_WALL_TIME_SECONDS("max_wall_time_seconds"),
  MAX_RETRIES("max_retries"),
  MAX_STEP_COUNT("max_step_count"),
  MAX_TOOL_CALLS("max_tool_calls"),
  MAX_ESTIMATED_COST("max_estimated_cost"),
  MAX_TOKENS("max_tokens");

  private final String wireName;

  BudgetKey(String wireName) {
    this.wireName = wireName;
  }

  /** The JobSpec {@code budgets} field name, e.g. {@code max_step_count}. */
  public String wireName() {
    return wireName;
  }

  /** True for the cost, a decimal; every other limit is a whole number. */
  public boolean decimal() {
    return this == MAX_ESTIMATED_COST;
  }

  /** The key named {@code wireName}, if any. */
  public static Optional<BudgetKey> byWireName(String wireName) {
    return Arrays.stream(values()).filter(key -> key.wireName.equals(wireName)).findFirst();
  }

  /** All names, for messages: {@code max_wall_time_seconds, …, max_tokens}. */
  static String allNames() {
    return Arrays.stream(values()).map(BudgetKey::wireName).collect(Collectors.joining(", "));
  }
}
