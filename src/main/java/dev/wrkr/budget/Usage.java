package dev.wrkr.budget;

import java.time.Duration;
import java.time.Instant;

/**
 * What a job has used so far, measured against its {@link Budgets}. Counters only grow; each step
 * adds one to {@code stepCount} and the tool calls it made (one for a command step, as in Wrkr).
 *
 * @param wallTimeSeconds whole seconds since the job started ({@link #elapsedSeconds})
 * @param retryCount step retries over the whole job
 * @param stepCount steps run
 * @param toolCallCount commands run and tool calls reported by steps
 * @param tokens tokens reported by steps
 * @param estimatedCost cost reported by steps
 */
public record Usage(
    long wallTimeSeconds,
    long retryCount,
    long stepCount,
    long toolCallCount,
    long tokens,
    double estimatedCost) {
  /** Nothing used: a job that has not started a step. */
  public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0);

  public Usage {
    requireNonNegative("wallTimeSeconds", wallTimeSeconds);
    requireNonNegative("retryCount", retryCount);
    requireNonNegative("stepCount", stepCount);
    requireNonNegative("toolCallCount", toolCallCount);
    requireNonNegative("tokens", tokens);
    if (!Double.isFinite(estimatedCost) || estimatedCost < 0) {
      throw new IllegalArgumentException(
          "estimatedCost must be finite and >= 0, got " + estimatedCost);
    }
  }

  /**
   * One step making {@code toolCalls} tool calls: what a step adds, for {@link
   * BudgetCheck#wouldExceed}.
   */
  public static Usage step(long toolCalls) {
    return new Usage(0, 0, 1, toolCalls, 0, 0);
  }

  /** One retry of a step. */
  public static Usage retry() {
    return new Usage(0, 1, 0, 0, 0, 0);
  }

  /**
   * Whole seconds from {@code startedAt} to {@code now}, rounded down (as Wrkr), never negative.
   */
  public static long elapsedSeconds(Instant startedAt, Instant now) {
    return Math.max(0, Duration.between(startedAt, now).getSeconds());
  }

  /**
   * This usage and {@code more} added counter by counter; wall time is the larger of the two, since
   * it is a reading of the clock, not an amount.
   *
   * @throws ArithmeticException when a counter overflows
   */
  public Usage plus(Usage more) {
    return new Usage(
        Math.max(wallTimeSeconds, more.wallTimeSeconds),
        Math.addExact(retryCount, more.retryCount),
        Math.addExact(stepCount, more.stepCount),
        Math.addExact(toolCallCount, more.toolCallCount),
        Math.addExact(tokens, more.tokens),
        estimatedCost + more.estimatedCost);
  }

  /** This usage plus what a step reported. */
  public Usage plusReported(long tokens, double estimatedCost) {
    return plus(new Usage(0, 0, 0, 0, tokens, estimatedCost));
  }

  /** This usage with the wall time read now. */
  public Usage withWallTimeSeconds(long seconds) {
    return new Usage(seconds, retryCount, stepCount, toolCallCount, tokens, estimatedCost);
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }
}
