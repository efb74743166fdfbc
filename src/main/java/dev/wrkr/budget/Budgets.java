package dev.wrkr.budget;

import java.util.Objects;
import java.util.Optional;

/**
 * A job's limits (JobSpec {@code budgets}). A limit of 0 or less means unlimited, as in Wrkr;
 * exceeding means usage strictly greater than the limit.
 *
 * @param maxWallTimeSeconds seconds since the job started
 * @param maxRetries step retries over the whole job
 * @param maxStepCount steps run (or recorded as not executed)
 * @param maxToolCalls commands run and tool calls reported by steps
 * @param maxEstimatedCost cost reported by steps, in the currency they report (USD by convention)
 * @param maxTokens tokens reported by steps
 */
public record Budgets(
    long maxWallTimeSeconds,
    long maxRetries,
    long maxStepCount,
    long maxToolCalls,
    Optional<Double> maxEstimatedCost,
    Optional<Long> maxTokens) {
  public Budgets {
    Objects.requireNonNull(maxEstimatedCost, "maxEstimatedCost");
    Objects.requireNonNull(maxTokens, "maxTokens");
  }

  /** No limits at all. */
  public static Budgets unlimited() {
    return new Budgets(0, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** These limits with {@code maxWallTimeSeconds} replaced. */
  public Budgets withMaxWallTimeSeconds(long value) {
    return new Budgets(value, maxRetries, maxStepCount, maxToolCalls, maxEstimatedCost, maxTokens);
  }

  /** These limits with {@code maxRetries} replaced. */
  public Budgets withMaxRetries(long value) {
    return new Budgets(
        maxWallTimeSeconds, value, maxStepCount, maxToolCalls, maxEstimatedCost, maxTokens);
  }

  /** These limits with {@code maxStepCount} replaced. */
  public Budgets withMaxStepCount(long value) {
    return new Budgets(
        maxWallTimeSeconds, maxRetries, value, maxToolCalls, maxEstimatedCost, maxTokens);
  }

  /** These limits with {@code maxToolCalls} replaced. */
  public Budgets withMaxToolCalls(long value) {
    return new Budgets(
        maxWallTimeSeconds, maxRetries, maxStepCount, value, maxEstimatedCost, maxTokens);
  }

  /** These limits with {@code maxEstimatedCost} set. */
  public Budgets withMaxEstimatedCost(double value) {
    return new Budgets(
        maxWallTimeSeconds, maxRetries, maxStepCount, maxToolCalls, Optional.of(value), maxTokens);
  }

  /** These limits with {@code maxTokens} set. */
  public Budgets withMaxTokens(long value) {
    return new Budgets(
        maxWallTimeSeconds,
        maxRetries,
        maxStepCount,
        maxToolCalls,
        maxEstimatedCost,
        Optional.of(value));
  }
}
