package dev.wrkr.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  @ParameterizedTest
  @CsvSource({
    "168h, PT168H", "30m, PT30M", "1h30m, PT1H30M", "90s, PT1M30S", "1.5h, PT1H30M",
    "250ms, PT0.25S", "1h0m0s, PT1H", "2us, PT0.000002S", "7ns, PT0.000000007S"
  })
  void go_syntax_should_parse_to_the_same_duration(String text, String iso) {
    assertThat(GoDuration.parsePositive(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "0s", "7d", "h", "-1h", "+1h", "1", "1h 30m", "PT1H", "1.h2", "..5s", "99999999999h"})
  void anything_else_or_zero_should_be_rejected(String text) {
    assertThat(GoDuration.parsePositive(text)).isEmpty();
  }
}
