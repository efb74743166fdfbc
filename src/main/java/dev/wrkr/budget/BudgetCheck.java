package dev.wrkr.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks usage against limits with Wrkr's rules and strings (reference §5.4): a limit of 0 or less,
 * or an absent optional one, is unlimited; a limit is exceeded when usage is strictly greater; the
 * violations come in the order wall time, retries, steps, tool calls, cost, tokens.
 *
 * <p>When to check. A runner checks twice around every step:
 *
 * <ol>
 *   <li><b>Before</b> a step, {@link #wouldExceed} with what the step is known to add ({@link
 *       Usage#step}: one step, and one tool call for a command). If running it would put any
 *       counter over its limit, the job stops <em>before</em> the step, so a job with {@code
 *       max_step_count} N runs at most N steps and its cursor points at the step not yet run.
 *   <li><b>After</b> a step, once the counters include what it reported, {@link #check}: anything
 *       over (wall time, or tool calls, tokens and cost that only the step could tell) stops the
 *       job before the next one.
 * </ol>
 *
 * <p>This is stricter than Wrkr, which checks the current usage before a step: there, with {@code
 * max_step_count} N, step N+1 runs, the after-check stops the job and resume runs that step again.
 * Here step N+1 never starts. The violation strings are the same ({@code step_count>N}).
 *
 * <p>Unlike Wrkr, a {@code max_estimated_cost} of 0 is unlimited like every other limit (Wrkr
 * treats a present 0 as "no spending"; it never records cost, so nothing observable differs).
 */
public final class BudgetCheck {
  private BudgetCheck() {}

  /** The limits that {@code usage} is over, in Wrkr's order; empty when within budget. */
  public static List<Violation> check(Budgets limits, Usage usage) {
    List<Violation> violations = new ArrayList<>(6);
    count(violations, "wall_time_seconds", limits.maxWallTimeSeconds(), usage.wallTimeSeconds());
    count(violations, "retry_count", limits.maxRetries(), usage.retryCount());
    count(violations, "step_count", limits.maxStepCount(), usage.stepCount());
    count(violations, "tool_call_count", limits.maxToolCalls(), usage.toolCallCount());
    limits
        .maxEstimatedCost()
        .filter(max -> max > 0 && usage.estimatedCost() > max)
        .ifPresent(
            max ->
                violations.add(
                    new Violation("estimated_cost", "estimated_cost>" + fourPlaces(max))));
    count(violations, "tokens", limits.maxTokens().orElse(0L), usage.tokens());
    return List.copyOf(violations);
  }

  /**
   * The limits that running one more step would exceed: {@link #check} of {@code usage} plus {@code
   * next} (what the step is known to add before it runs, e.g. {@link Usage#step}). Empty means the
   * step may start.
   */
  public static List<Violation> wouldExceed(Budgets limits, Usage usage, Usage next) {
    return check(limits, usage.plus(next));
  }

  /** Wrkr's checkpoint summary: {@code budget exceeded: step_count>20, tool_call_count>50}. */
  public static String summary(List<Violation> violations) {
    return violations.stream()
        .map(Violation::text)
        .collect(Collectors.joining(", ", "budget exceeded: ", ""));
  }

  private static void count(List<Violation> violations, String key, long max, long used) {
    if (max > 0 && used > max) {
      violations.add(new Violation(key, key + ">" + max));
    }
  }

  /**
   * Go's {@code %.4f}: the exact binary value rounded half-to-even to four places, with a dot
   * whatever the default locale. {@code String.format} rounds the shortest decimal half-up instead
   * (2.00005 gives 2.0001 there, 2.0000 in Go; BudgetCheckTest guards it).
   */
  static String fourPlaces(double value) {
    return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }
}
