package dev.wrkr.store.jdbc;

import dev.wrkr.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How values are laid out in columns, and the one place where a row that does not map becomes
 * {@code E_STORE_CORRUPT}.
 *
 * <p>Instants that are only read back are stored as ISO-8601 UTC text with exactly nine fraction
 * digits (exact to the nanosecond, readable in a SQL shell, sortable as text for years 0–9999).
 * Instants that SQL compares (lease expiry) are stored as epoch nanoseconds.
 */
public final class Rows {
  private static final DateTimeFormatter ISO_NANOS =
      new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

  private Rows() {}

  /** Builds a value from a row; anything it throws except SQLException is corruption. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode() throws SQLException;
  }

  /** Error details in the order given ({@code Map.of} would shuffle them between runs). */
  public static Map<String, Object> details(Object... keysAndValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return details;
  }

  /**
   * Runs {@code decoder}; a runtime failure (a null column, text that is not an instant, an
   * invalid id) becomes {@link StoreException#corrupt} naming {@code what} and {@code where}.
   */
  public static <T> T decode(String what, Map<String, Object> where, Decoder<T> decoder)
      throws SQLException {
    try {
      return decoder.decode();
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(what, where, e);
    }
  }

  /** {@link #decode}'s error, for callers that catch the failure themselves. */
  public static StoreException corrupt(String what, Map<String, Object> where, RuntimeException e) {
    Map<String, Object> details = new LinkedHashMap<>(where);
    details.put("problem", String.valueOf(e.getMessage()));
    return StoreException.corrupt(
        "the store holds "
            + what
            + " "
            + where
            + " that cannot be read back ("
            + e.getMessage()
            + "); restore the store from a backup or remove the damaged job",
        details);
  }

  public static String text(Instant instant) {
    return ISO_NANOS.format(instant);
  }

  /**
   * The instant in {@code text}. The form {@link #text} writes is read digit by digit: a listing
   * reads one per job, and {@link Instant#parse} cost a cold JVM tens of milliseconds for ten
   * thousand of them (docs/performance.md). Any other text goes to {@link Instant#parse}.
   */
  public static Instant instant(String text) {
    Objects.requireNonNull(text, "instant column is null");
    if (text.length() == 30 && hasWrittenShape(text)) {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if (month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
          && hour < 24 && minute < 60 && second < 60) {
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, digits(text, 20, 9));
      }
    }
    return Instant.parse(text);
  }

  /** {@code dddd-dd-ddTdd:dd:dd.dddddddddZ}. */
  private static boolean hasWrittenShape(String t) {
    for (int i = 0; i < 30; i++) {
      char c = t.charAt(i);
      boolean ok = switch (i) {
        case 4, 7 -> c == '-';
        case 10 -> c == 'T';
        case 13, 16 -> c == ':';
        case 19 -> c == '.';
        case 29 -> c == 'Z';
        default -> c >= '0' && c <= '9';
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String t, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      n = n * 10 + (t.charAt(i) - '0');
    }
    return n;
  }

  /** Epoch nanoseconds; instants beyond about ±292 years of 1970 are refused. */
  public static long nanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant out of range for the store: " + instant, e);
    }
  }

  public static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** A non-null integer column. */
  public static long requiredLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    if (row.wasNull()) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  /** A non-null text column. */
  public static String requiredText(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }
}
