package dev.wrkr.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void plus_should_add_counters_and_keep_the_later_wall_time() {
    Usage sum = new Usage(30, 1, 2, 3, 400, 0.25).plus(new Usage(10, 1, 1, 2, 100, 0.5));

    assertThat(sum).isEqualTo(new Usage(30, 2, 3, 5, 500, 0.75));
  }

  @Test
  void step_and_retry_should_add_what_wrkr_counts() {
    Usage usage = Usage.NONE.plus(Usage.step(1)).plus(Usage.step(0)).plus(Usage.retry());

    assertThat(usage).isEqualTo(new Usage(0, 1, 2, 1, 0, 0));
  }

  @Test
  void plus_reported_should_add_tokens_and_cost() {
    assertThat(Usage.NONE.plusReported(1200, 0.03).plusReported(800, 0.01))
        .isEqualTo(new Usage(0, 0, 0, 0, 2000, 0.03 + 0.01));
  }

  @Test
  void elapsed_seconds_should_round_down_and_never_be_negative() {
    Instant start = Instant.parse("2026-02-14T03:45:00Z");

    assertThat(Usage.elapsedSeconds(start, start.plusMillis(59_999))).isEqualTo(59);
    assertThat(Usage.elapsedSeconds(start, start.minusSeconds(5))).isZero();
  }

  @Test
  void negative_or_non_finite_usage_should_be_refused() {
    assertThatThrownBy(() -> new Usage(0, 0, -1, 0, 0, 0)).hasMessageContaining("stepCount");
    assertThatThrownBy(() -> new Usage(0, 0, 0, 0, 0, Double.NaN))
        .hasMessageContaining("estimatedCost");
    assertThatThrownBy(() -> new Usage(0, 0, 0, 0, 0, -0.5)).hasMessageContaining("estimatedCost");
  }

  @Test
  void an_overflowing_counter_should_throw_rather_than_wrap() {
    Usage nearlyFull = new Usage(0, 0, Long.MAX_VALUE, 0, 0, 0);

    assertThatThrownBy(() -> nearlyFull.plus(Usage.step(0)))
        .isInstanceOf(ArithmeticException.class);
  }
}
