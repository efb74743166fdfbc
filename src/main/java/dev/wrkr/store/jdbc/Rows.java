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
      Map<String, Object> details = new LinkedHashMap<>(where);
      details.put("problem", String.valueOf(e.getMessage()));
      throw StoreException.corrupt(
          "the store holds "
              + what
              + " "
              + where
              + " that cannot be read back ("
              + e.getMessage()
              + "); restore the store from a backup or remove the damaged job",
          details);
    }
  }

  public static String text(Instant instant) {
    return ISO_NANOS.format(instant);
  }

  public static Instant instant(String text) {
    return Instant.parse(Objects.requireNonNull(text, "instant column is null"));
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
