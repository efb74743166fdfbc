package dev.wrkr.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A job's identity: one path component of letters, digits, {@code .}, {@code _} and {@code -}.
 *
 * <p>The same rule as Wrkr, so ids move between the two; ids also name files (jobpacks), hence
 * the ban on {@code ..} and the length cap.
 */
public record JobId(@JsonValue String value) implements Comparable<JobId> {
  /** Longest id accepted; keeps {@code jobpack_<id>.zip} under common file-name limits. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern DISALLOWED_RUN = Pattern.compile("[^a-z0-9._-]+");

  public JobId {
    if (value == null || value.isEmpty()) {
      throw invalid(value, "job id must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid(value, "job id must be at most " + MAX_LENGTH + " characters");
    }
    if (!validCharacters(value)) {
      throw invalid(value, "job id may contain only letters, digits, '.', '_' and '-'");
    }
    if (value.contains("..")) {
      throw invalid(value, "job id must not contain '..'");
    }
  }

  /**
   * {@code [a-zA-Z0-9._-]+} without a regex: listings build an id per row, thousands per command.
   */
  private static boolean validCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  // equals and hashCode as the record's own, written out: the generated ones link
  // through invokedynamic on first use, which spins classes at run time on every command's start
  // (docs/performance.md, "Dispatch").
  @Override
  public boolean equals(Object other) {
    return other instanceof JobId id && value.equals(id.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Parses user input: surrounding white space is dropped, anything else must already be valid. */
  @JsonCreator
  public static JobId of(String raw) {
    return new JobId(raw == null ? null : raw.strip());
  }

  /**
   * Turns a free-form name into an id the way Wrkr's {@code NormalizeJobID} does: lower case,
   * spaces to {@code _}, each run of other disallowed characters to {@code _}, leading and
   * trailing {@code _.-} trimmed, {@code job} when nothing is left.
   */
  public static JobId normalize(String name) {
    String s = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    s = DISALLOWED_RUN.matcher(s).replaceAll("_");
    s = s.replaceAll("^[_.\\-]+", "").replaceAll("[_.\\-]+$", "");
    while (s.contains("..")) {
      s = s.replace("..", ".");
    }
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH);
    }
    return new JobId(s.isEmpty() ? "job" : s);
  }

  @Override
  public int compareTo(JobId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static WrkrException invalid(String value, String message) {
    return new WrkrException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, message, Map.of("job_id", value == null ? "" : value));
  }
}
