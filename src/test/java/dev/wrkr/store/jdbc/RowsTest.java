package dev.wrkr.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowsTest {
  @Test
  void instants_should_read_back_exactly_as_written() {
    long seed = Long.getLong("wrkr.test.seed", 20261121L);
    System.out.println("RowsTest seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(rnd.nextLong(first, last + 1),
          rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
      String text = Rows.text(instant);

      assertThat(Rows.instant(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
    }
    assertThat(Rows.instant("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2023-02-29T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z",
      "2026-01-01T00:60:00.000000000Z", "2026-01-00T00:00:00.000000000Z",
      "2026-01-01 00:00:00.000000000Z", "2026-01-01T00:00:00.000000000+"})
  void text_that_is_not_an_instant_should_be_refused_as_instant_parse_refuses_it(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> Rows.instant(text)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void other_forms_that_instant_parse_reads_should_still_be_read() {
    assertThat(Rows.instant("2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(Rows.instant("2026-01-01T00:00:00.5Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
    assertThat(Rows.instant("2026-01-01T24:00:00.000000000Z"))
        .isEqualTo(Instant.parse("2026-01-01T24:00:00.000000000Z"));
  }
}
