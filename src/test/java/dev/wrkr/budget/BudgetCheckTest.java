package dev.wrkr.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetCheckTest {
  private static final Budgets LIMITS =
      new Budgets(60, 2, 5, 10, Optional.of(2.5), Optional.of(1000L));

  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing used", Usage.NONE, List.of()),
        Arguments.of("every counter at its limit", new Usage(60, 2, 5, 10, 1000, 2.5), List.of()),
        Arguments.of(
            "wall time over", new Usage(61, 0, 0, 0, 0, 0), List.of("wall_time_seconds>60")),
        Arguments.of("retries over", new Usage(0, 3, 0, 0, 0, 0), List.of("retry_count>2")),
        Arguments.of("steps over", new Usage(0, 0, 6, 0, 0, 0), List.of("step_count>5")),
        Arguments.of(
            "tool calls over", new Usage(0, 0, 0, 11, 0, 0), List.of("tool_call_count>10")),
        Arguments.of(
            "cost over", new Usage(0, 0, 0, 0, 0, 2.5001), List.of("estimated_cost>2.5000")),
        Arguments.of("tokens over", new Usage(0, 0, 0, 0, 1001, 0), List.of("tokens>1000")),
        Arguments.of(
            "all over, in Wrkr's order",
            new Usage(61, 3, 6, 11, 1001, 3),
            List.of(
                "wall_time_seconds>60",
                "retry_count>2",
                "step_count>5",
                "tool_call_count>10",
                "estimated_cost>2.5000",
                "tokens>1000")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check_should_report_wrkrs_violation_strings(
      String name, Usage usage, List<String> expected) {
    assertThat(BudgetCheck.check(LIMITS, usage))
        .extracting(Violation::text)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void violations_should_carry_the_usage_key() {
    assertThat(BudgetCheck.check(LIMITS, new Usage(61, 3, 6, 11, 1001, 3)))
        .extracting(Violation::key)
        .containsExactly(
            "wall_time_seconds",
            "retry_count",
            "step_count",
            "tool_call_count",
            "estimated_cost",
            "tokens");
  }

  @Test
  void no_limits_should_never_be_exceeded() {
    Usage huge =
        new Usage(
            Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1e300);

    assertThat(BudgetCheck.check(Budgets.unlimited(), huge)).isEmpty();
    assertThat(BudgetCheck.check(new Budgets(0, 0, 0, 0, Optional.of(0.0), Optional.of(0L)), huge))
        .isEmpty();
  }

  @Test
  void summary_should_join_the_violations_as_wrkrs_checkpoint_does() {
    List<Violation> violations = BudgetCheck.check(LIMITS, new Usage(0, 0, 6, 11, 0, 0));

    assertThat(BudgetCheck.summary(violations))
        .isEqualTo("budget exceeded: step_count>5, tool_call_count>10");
  }

  /**
   * Go's %.4f rounds the exact binary value half-to-even; Java's %.4f would not (see fourPlaces).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2.5, 2.5000",
    "0.1, 0.1000",
    "0.03125, 0.0312",
    "0.09375, 0.0938",
    "2.00005, 2.0000",
    "1.00005, 1.0001",
    "123456789.123456, 123456789.1235",
    "1e20, 100000000000000000000.0000",
  })
  void cost_limit_should_be_formatted_as_gos_four_places(double limit, String expected) {
    assertThat(BudgetCheck.fourPlaces(limit)).isEqualTo(expected);
  }

  @Test
  void cost_limit_should_be_written_with_a_dot_under_a_german_default_locale() {
    Locale before = Locale.getDefault();
    Locale formatBefore = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.GERMANY);
      Budgets limits = Budgets.unlimited().withMaxEstimatedCost(1.5);

      assertThat(BudgetCheck.check(limits, new Usage(0, 0, 0, 0, 0, 2)))
          .extracting(Violation::text)
          .containsExactly("estimated_cost>1.5000");
    } finally {
      Locale.setDefault(before);
      Locale.setDefault(Locale.Category.FORMAT, formatBefore);
    }
  }

  @Test
  void starting_a_step_at_the_step_limit_should_be_refused_before_it_runs() {
    Budgets limits = Budgets.unlimited().withMaxStepCount(5).withMaxToolCalls(3);

    assertThat(BudgetCheck.wouldExceed(limits, new Usage(0, 0, 4, 0, 0, 0), Usage.step(0)))
        .isEmpty();
    assertThat(BudgetCheck.wouldExceed(limits, new Usage(0, 0, 5, 0, 0, 0), Usage.step(0)))
        .extracting(Violation::text)
        .containsExactly("step_count>5");
    assertThat(BudgetCheck.wouldExceed(limits, new Usage(0, 0, 2, 3, 0, 0), Usage.step(1)))
        .extracting(Violation::text)
        .containsExactly("tool_call_count>3");
    assertThat(BudgetCheck.wouldExceed(limits, new Usage(0, 0, 2, 3, 0, 0), Usage.step(0)))
        .isEmpty();
  }

  @Test
  void a_step_should_not_start_once_wall_time_is_over() {
    Budgets limits = Budgets.unlimited().withMaxWallTimeSeconds(60);

    assertThat(BudgetCheck.wouldExceed(limits, Usage.NONE.withWallTimeSeconds(61), Usage.step(1)))
        .extracting(Violation::text)
        .containsExactly("wall_time_seconds>60");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_positive_limit_should_be_violated_exactly_when_usage_is_greater(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      long max = random.nextLong(1, 100);
      long used = random.nextLong(0, 200);
      double maxCost = random.nextInt(1, 10_000) / 100.0;
      double cost = random.nextInt(0, 20_000) / 100.0;
      Budgets limits = new Budgets(max, max, max, max, Optional.of(maxCost), Optional.of(max));

      List<Violation> violations =
          BudgetCheck.check(limits, new Usage(used, used, used, used, used, cost));

      int expectedCounters = used > max ? 5 : 0;
      int expectedCost = cost > maxCost ? 1 : 0;
      assertThat(violations)
          .as("max=%d used=%d maxCost=%s cost=%s", max, used, maxCost, cost)
          .hasSize(expectedCounters + expectedCost);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_limit_of_zero_or_less_should_never_be_violated(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      long max = -random.nextLong(0, 1_000);
      Optional<Double> maxCost =
          random.nextBoolean() ? Optional.empty() : Optional.of((double) max);
      Optional<Long> maxTokens = random.nextBoolean() ? Optional.empty() : Optional.of(max);
      Usage usage =
          new Usage(
              random.nextLong(0, Long.MAX_VALUE),
              random.nextLong(0, Long.MAX_VALUE),
              random.nextLong(0, Long.MAX_VALUE),
              random.nextLong(0, Long.MAX_VALUE),
              random.nextLong(0, Long.MAX_VALUE),
              random.nextDouble(0, 1e12));

      assertThat(BudgetCheck.check(new Budgets(max, max, max, max, maxCost, maxTokens), usage))
          .isEmpty();
    }
  }

  /**
   * A runner's loop in miniature: check before each step with what the step adds, run it, add what
   * it reported, check after. Whatever the plan, a positive step limit is never passed, and a plan
   * longer than the limit runs exactly the limit.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_job_advancing_one_step_at_a_time_should_never_exceed_its_step_limit(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int job = 0; job < 100; job++) {
      long maxSteps = random.nextLong(0, 30);
      long maxToolCalls = random.nextBoolean() ? 0 : random.nextLong(1, 30);
      Budgets limits =
          Budgets.unlimited().withMaxStepCount(maxSteps).withMaxToolCalls(maxToolCalls);
      int planLength = random.nextInt(0, 60);

      Usage usage = Usage.NONE;
      for (int step = 0; step < planLength; step++) {
        Usage next = Usage.step(random.nextInt(0, 2));
        if (!BudgetCheck.wouldExceed(limits, usage, next).isEmpty()) {
          break;
        }
        usage = usage.plus(next);
        if (!BudgetCheck.check(limits, usage).isEmpty()) {
          break;
        }
      }

      String scenario =
          "maxSteps=%d maxToolCalls=%d plan=%d".formatted(maxSteps, maxToolCalls, planLength);
      if (maxSteps > 0) {
        assertThat(usage.stepCount()).as(scenario).isLessThanOrEqualTo(maxSteps);
      }
      if (maxToolCalls > 0) {
        assertThat(usage.toolCallCount()).as(scenario).isLessThanOrEqualTo(maxToolCalls);
      } else {
        long expected = maxSteps > 0 ? Math.min(maxSteps, planLength) : planLength;
        assertThat(usage.stepCount()).as(scenario + ": no step short").isEqualTo(expected);
      }
    }
  }
}
