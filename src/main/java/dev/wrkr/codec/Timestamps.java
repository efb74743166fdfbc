package dev.wrkr.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as Wrkr writes them: Go's {@code time.RFC3339Nano} in UTC, such as {@code
 * 2026-02-14T03:45:00Z} or {@code 2026-02-14T03:45:00.1234Z}.
 *
 * <p>The fraction has its trailing zeros removed and is left out when zero. {@link
 * Instant#toString()} is not the same: it pads fractions to 3, 6 or 9 digits, and a jobpack
 * manifest whose timestamps are not written Go's way does not verify under Go (reference §6.2).
 */
public final class Timestamps {
  private static final Pattern RFC_3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|([+-])(\\d{2}):(\\d{2}))");

  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Timestamps() {}

  /**
   * Formats an instant as Go's RFC3339Nano in UTC.
   *
   * @throws IllegalArgumentException when the year is outside 0000–9999, which Go refuses to marshal
   */
  public static String format(Instant instant) {
    if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
      throw new IllegalArgumentException("timestamp year outside 0000-9999: " + instant);
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(30);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      // Not String.format: it prints the default locale's digits (e.g. Thai or Arabic-Indic).
      String digits = Integer.toString(nanos);
      String fraction = "0".repeat(9 - digits.length()) + digits;
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /**
   * Parses an RFC 3339 timestamp: {@code T} and {@code Z} upper-case (as Go requires), a fraction of
   * 1 to 9 digits or none, {@code Z} or a {@code ±hh:mm} offset; no leap second.
   *
   * @throws JsonFormatException when the text is not such a timestamp
   */
  public static Instant parse(String text) {
    Matcher m = RFC_3339.matcher(text);
    if (!m.matches()) {
      throw invalid(text, "expected RFC 3339, like 2026-02-14T03:45:00Z or 2026-02-14T05:45:00.5+02:00");
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5), number(m, 6),
              fractionNanos(m.group(7)));
      return local.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds(m));
    } catch (DateTimeException e) {
      throw invalid(text, e.getMessage());
    }
  }

  /** RFC 3339 allows offsets up to ±23:59, beyond {@link ZoneOffset}'s ±18:00, so no ZoneOffset. */
  private static long offsetSeconds(Matcher m) {
    if (m.group(8).equals("Z")) {
      return 0;
    }
    int hours = number(m, 10);
    int minutes = number(m, 11);
    if (hours > 23 || minutes > 59) {
      throw new DateTimeException("offset out of range: " + m.group(8));
    }
    int sign = m.group(9).equals("-") ? -1 : 1;
    return sign * (hours * 3600L + minutes * 60L);
  }

  private static int fractionNanos(String digits) {
    if (digits == null) {
      return 0;
    }
    return Integer.parseInt(digits) * (int) Math.pow(10, 9 - digits.length());
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    return out.append("0".repeat(width - digits.length())).append(digits);
  }

  private static JsonFormatException invalid(String text, String why) {
    String shown = text.length() <= 64 ? text : text.substring(0, 60) + "...";
    return JsonFormatException.of("invalid timestamp \"" + shown + "\": " + why);
  }
}
