package dev.wrkr.retention;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration} syntax for the retention flags ({@code 168h}, {@code 30m},
 * {@code 1h30m}, {@code 1.5h}, {@code 90s}, {@code 250ms}): one or more decimal numbers each with a
 * unit ({@code ns us µs ms s m h}); no sign, no days. Hand-written: no Java library reads Go
 * durations, and {@link Duration#parse} wants ISO-8601 ({@code PT168H}).
 */
public final class GoDuration {
  private static final Map<String, Long> UNIT_NANOS = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** The duration, or empty when {@code text} is not Go syntax or is not greater than zero. */
  public static Optional<Duration> parsePositive(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      String number = text.substring(start, i);
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      Long unit = UNIT_NANOS.get(text.substring(unitStart, i));
      if (unit == null || !number.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
        return Optional.empty();
      }
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(nanos.longValue()));
  }
}
