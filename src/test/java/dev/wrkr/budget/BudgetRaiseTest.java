package dev.wrkr.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetRaiseTest {
  private static final Budgets SPEC =
      new Budgets(3600, 2, 20, 200, Optional.empty(), Optional.empty());

  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  @Test
  void each_key_should_set_its_limit() {
    Budgets raised =
        BudgetRaise.apply(
            SPEC,
            BudgetRaise.parseAll(
                List.of(
                    "max_wall_time_seconds=7200",
                    "max_retries=5",
                    "max_step_count=40",
                    "max_tool_calls=400",
                    "max_estimated_cost=12.50",
                    "max_tokens=100000")));

    assertThat(raised)
        .isEqualTo(new Budgets(7200, 5, 40, 400, Optional.of(12.5), Optional.of(100_000L)));
  }

  @Test
  void zero_should_lift_a_limit_and_no_overrides_should_change_nothing() {
    assertThat(
            BudgetRaise.apply(SPEC, List.of(BudgetRaise.parse("max_step_count=0"))).maxStepCount())
        .isZero();
    assertThat(BudgetRaise.apply(SPEC, List.of())).isEqualTo(SPEC);
  }

  @Test
  void blanks_around_key_and_value_should_be_ignored() {
    assertThat(BudgetRaise.parse(" max_step_count = 40 ").text()).isEqualTo("max_step_count=40");
  }

  @Test
  void bad_overrides_should_say_what_is_expected() {
    assertThat(messageOf("max_step_count"))
        .isEqualTo("budget override \"max_step_count\" must be key=value, e.g. max_step_count=40");
    assertThat(messageOf("max_steps=3"))
        .isEqualTo(
            "unknown budget \"max_steps\" (use max_wall_time_seconds, max_retries, max_step_count,"
                + " max_tool_calls, max_estimated_cost, max_tokens)");
    assertThat(messageOf("max_retries=-1"))
        .isEqualTo("budget max_retries must be a whole number >= 0 (0 = unlimited), got \"-1\"");
    assertThat(messageOf("max_estimated_cost=1e3"))
        .isEqualTo(
            "budget max_estimated_cost must be a non-negative decimal such as 2.50"
                + " (0 = unlimited), got \"1e3\"");
    assertThat(messageOf("max_tokens=99999999999999999999"))
        .isEqualTo("budget max_tokens is too large: 99999999999999999999");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "max_step_count=-1",
        "max_step_count=2.5",
        "max_step_count=",
        "max_tokens=+5",
        "max_retries=ten",
        "max_tool_calls=1_000",
        "max_estimated_cost=-0.5",
        "max_estimated_cost=NaN",
        "max_estimated_cost=Infinity",
        "max_estimated_cost=.5",
        "max_estimated_cost=2.",
      })
  void a_value_that_is_not_a_plain_non_negative_number_should_be_invalid_input(String text) {
    String raw = text.substring(text.indexOf('=') + 1);

    assertThat(messageOf(text)).endsWith("(0 = unlimited), got \"" + raw + "\"");
  }

  @Test
  void a_cost_too_large_for_a_double_should_be_refused() {
    assertThatThrownBy(() -> BudgetRaise.parse("max_estimated_cost=1" + "0".repeat(400)))
        .isInstanceOf(WrkrException.class)
        .hasMessageStartingWith("budget max_estimated_cost is too large");
  }

  @Test
  void the_same_limit_twice_should_be_refused() {
    List<BudgetRaise> raises =
        BudgetRaise.parseAll(List.of("max_step_count=30", "max_step_count=40"));

    assertThatThrownBy(() -> BudgetRaise.apply(SPEC, raises))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA))
        .hasMessage("budget max_step_count is given more than once");
  }

  /** The message of the E_INVALID_INPUT_SCHEMA error that parsing {@code text} throws. */
  private static String messageOf(String text) {
    WrkrException e = catchThrowableOfType(WrkrException.class, () -> BudgetRaise.parse(text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(e.details()).containsEntry("budget", text);
    return e.getMessage();
  }

  @Test
  void a_whole_number_limit_should_not_take_a_fraction() {
    assertThatThrownBy(() -> new BudgetRaise(BudgetKey.MAX_TOKENS, new BigDecimal("1.5")))
        .isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void text_should_parse_back_to_an_equal_override(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BudgetKey[] keys = BudgetKey.values();
    for (int i = 0; i < 200; i++) {
      BudgetKey key = keys[random.nextInt(keys.length)];
      BigDecimal value =
          key.decimal()
              ? BigDecimal.valueOf(random.nextLong(0, 1_000_000_000), random.nextInt(0, 6))
              : BigDecimal.valueOf(random.nextLong(0, Long.MAX_VALUE));
      BudgetRaise raise = new BudgetRaise(key, value);

      BudgetRaise parsed = BudgetRaise.parse(raise.text());

      assertThat(parsed).as(raise.text()).isEqualTo(raise);
      assertThat(parsed.text()).isEqualTo(raise.text());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void applying_an_override_should_set_its_limit_and_keep_the_others(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (BudgetKey key : BudgetKey.values()) {
      long value = random.nextLong(0, 1_000_000);

      Budgets raised = BudgetRaise.parse(key.wireName() + "=" + value).applyTo(SPEC);

      for (BudgetKey other : BudgetKey.values()) {
        assertThat(limitOf(raised, other))
            .as("%s after %s=%d", other, key, value)
            .isEqualTo(other == key ? Optional.of((double) value) : limitOf(SPEC, other));
      }
    }
  }

  private static Optional<Double> limitOf(Budgets limits, BudgetKey key) {
    return switch (key) {
      case MAX_WALL_TIME_SECONDS -> Optional.of((double) limits.maxWallTimeSeconds());
      case MAX_RETRIES -> Optional.of((double) limits.maxRetries());
      case MAX_STEP_COUNT -> Optional.of((double) limits.maxStepCount());
      case MAX_TOOL_CALLS -> Optional.of((double) limits.maxToolCalls());
      case MAX_ESTIMATED_COST -> limits.maxEstimatedCost();
      case MAX_TOKENS -> limits.maxTokens().map(Long::doubleValue);
    };
  }
}
