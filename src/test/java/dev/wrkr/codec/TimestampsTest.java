package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-02-14T03:45:00Z, 2026-02-14T03:45:00Z",
    "2026-02-14T03:45:00.000Z, 2026-02-14T03:45:00Z",
    "2026-02-14T03:45:00.100Z, 2026-02-14T03:45:00.1Z",
    "2026-02-14T03:45:00.123400Z, 2026-02-14T03:45:00.1234Z",
    "2026-02-14T03:45:00.000000001Z, 2026-02-14T03:45:00.000000001Z",
    "2026-02-14T03:45:00.999999999Z, 2026-02-14T03:45:00.999999999Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.5Z, 9999-12-31T23:59:59.5Z",
    "0001-02-03T04:05:06.07Z, 0001-02-03T04:05:06.07Z",
  })
  void format_should_write_go_rfc3339nano_with_trailing_zeros_trimmed(Instant instant, String expected) {
    assertThat(Timestamps.format(instant)).isEqualTo(expected);
  }

  @Test
  void format_should_differ_from_instant_to_string_where_go_differs() {
    Instant instant = Instant.parse("2026-02-14T03:45:00.120Z");
    assertThat(instant.toString()).isEqualTo("2026-02-14T03:45:00.120Z");
    assertThat(Timestamps.format(instant)).isEqualTo("2026-02-14T03:45:00.12Z");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
  void format_should_reject_years_go_cannot_marshal(Instant instant) {
    assertThatThrownBy(() -> Timestamps.format(instant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0000-9999");
  }

  @Test
  void format_should_reject_the_extreme_instants() {
    assertThatThrownBy(() -> Timestamps.format(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timestamps.format(Instant.MIN)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-02-14T03:45:00Z, 2026-02-14T03:45:00Z",
    "2026-02-14T05:45:00+02:00, 2026-02-14T03:45:00Z",
    "2026-02-13T20:15:00-07:30, 2026-02-14T03:45:00Z",
    "2026-02-14T03:45:00+00:00, 2026-02-14T03:45:00Z",
    "2026-02-14T03:45:00-00:00, 2026-02-14T03:45:00Z",
    "2026-02-14T03:45:00.5Z, 2026-02-14T03:45:00.500Z",
    "2026-02-14T03:45:00.000000001Z, 2026-02-14T03:45:00.000000001Z",
    "2026-02-14T03:45:00.123456789+23:59, 2026-02-13T03:46:00.123456789Z",
    "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
  })
  void parse_should_read_rfc3339_with_z_or_an_offset(String text, Instant expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "2026-02-14",
        "2026-02-14T03:45:00",
        "2026-02-14 03:45:00Z",
        "2026-02-14t03:45:00Z",
        "2026-02-14T03:45:00z",
        "2026-02-14T03:45:00.Z",
        "2026-02-14T03:45:00.1234567890Z",
        "2026-02-14T03:45:00+0200",
        "2026-02-14T03:45:00+02",
        "2026-02-14T03:45:00+24:00",
        "2026-02-14T03:45:00+02:60",
        "2026-02-14T03:45:60Z",
        "2026-02-14T24:00:00Z",
        "2026-02-30T03:45:00Z",
        "2025-02-29T03:45:00Z",
        "2026-13-01T03:45:00Z",
        "26-02-14T03:45:00Z",
        "+12026-02-14T03:45:00Z",
        " 2026-02-14T03:45:00Z",
        "2026-02-14T03:45:00Z ",
        "2026-02-14T03:45:00,5Z",
        "２０２６-02-14T03:45:00Z",
      })
  void parse_should_reject_anything_else_with_the_invalid_input_code(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOfSatisfying(
            JsonFormatException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA))
        .hasMessageContaining("invalid timestamp");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.wrkr.codec.RandomJson#seeds")
  void parse_should_invert_format_for_random_instants_with_nanos(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 2_000; i++) {
      int nanos = random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextInt(1000) * 1_000_000;
      Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
      String text = Timestamps.format(instant);
      assertThat(Timestamps.parse(text)).as(text).isEqualTo(instant);
      assertThat(text).as(text).hasSizeBetween(20, 30).endsWith("Z").doesNotContain(".Z");
      if (text.contains(".")) {
        assertThat(text).as(text).doesNotEndWith("0Z");
      }
    }
  }
}
