package dev.wrkr.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Durations in a JobSpec: whole seconds as an integer ({@code 90}), or a string of one to four
 * parts in this order: hours, minutes, seconds, milliseconds ({@code 90s}, {@code 5m}, {@code
 * 1h30m}, {@code 1m30s}, {@code 250ms}).
 */
final class SpecDurations {
  private static final Pattern TEXT =
      Pattern.compile("(?:([0-9]{1,9})h)?(?:([0-9]{1,9})m(?!s))?(?:([0-9]{1,12})s)?(?:([0-9]{1,12})ms)?");

  private SpecDurations() {}

  /**
   * The duration at {@code pointer}: more than zero (or zero too, if {@code zeroAllowed}) and at
   * most {@code max}.
   *
   * @throws Problem when it is not a duration or out of range
   */
  static Duration read(JsonNode node, String pointer, boolean zeroAllowed, Duration max) {
    Optional<Duration> value;
    if (node.isIntegralNumber()) {
      value = node.canConvertToLong() && node.longValue() >= 0 && node.longValue() <= max.toSeconds()
          ? Optional.of(Duration.ofSeconds(node.longValue()))
          : Optional.of(max.plusSeconds(1));
    } else if (node.isString()) {
      value = parse(node.stringValue().strip());
    } else {
      value = Optional.empty();
    }
    Duration d = value.orElseThrow(() -> Problem.at(pointer,
        pointer + " must be a number of seconds or a duration such as 90s, 5m or 1h30m"));
    if ((d.isZero() && !zeroAllowed) || d.compareTo(max) > 0) {
      throw Problem.at(pointer, pointer + " must be " + (zeroAllowed ? "0" : "more than 0")
          + " to " + describe(max));
    }
    return d;
  }

  private static Optional<Duration> parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    Duration d = Duration.ZERO;
    if (m.group(1) != null) {
      d = d.plusHours(Long.parseLong(m.group(1)));
    }
    if (m.group(2) != null) {
      d = d.plusMinutes(Long.parseLong(m.group(2)));
    }
    if (m.group(3) != null) {
      d = d.plusSeconds(Long.parseLong(m.group(3)));
    }
    if (m.group(4) != null) {
      d = d.plusMillis(Long.parseLong(m.group(4)));
    }
    return Optional.of(d);
  }

  /** {@code 366 days}, {@code 1h}: how limits are shown in messages. */
  static String describe(Duration d) {
    if (d.toHours() >= 48 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
      return d.toDays() + " days";
    }
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
