package dev.wrkr.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A problem found inside a JobSpec document, before it is known where in the file it is: thrown by
 * the readers of this package and turned into an {@link InvalidJobSpecException} by {@link
 * JobSpecLoader}, which knows the file and its {@link SourceMap}.
 */
final class Problem extends RuntimeException {
  private final String pointer;
  private final boolean atKey;
  private final Location location;
  private final String hint;
  private final Map<String, Object> extra;

  private Problem(
      String message, String pointer, boolean atKey, Location location, String hint, Map<String, ?> extra) {
    super(message, null, false, false);
    this.pointer = pointer;
    this.atKey = atKey;
    this.location = location;
    this.hint = hint;
    this.extra = new LinkedHashMap<>(extra);
  }

  /** A problem with the value at {@code pointer}. */
  static Problem at(String pointer, String message) {
    return new Problem(message, pointer, false, null, null, Map.of());
  }

  /** A problem with the key of the member at {@code pointer} (unknown or duplicate keys). */
  static Problem atKey(String pointer, String message) {
    return new Problem(message, pointer, true, null, null, Map.of());
  }

  /** A problem the parser located itself; {@code pointer} is where the reader was, may be null. */
  static Problem parsing(String pointer, Location location, String message) {
    return new Problem(message, pointer, false, location, null, Map.of());
  }

  /** The same problem with advice appended to the message after the location. */
  Problem hint(String advice) {
    return new Problem(getMessage(), pointer, atKey, location, advice, extra);
  }

  /** The same problem with one more detail. */
  Problem with(String key, Object value) {
    Problem copy = new Problem(getMessage(), pointer, atKey, location, hint, extra);
    copy.extra.put(key, value);
    return copy;
  }

  /** Whether this problem is about a key (unknown or duplicate) rather than a value. */
  boolean aboutKey() {
    return atKey;
  }

  Optional<String> pointer() {
    return Optional.ofNullable(pointer);
  }

  /** Where this problem is in the file, as the parser saw it or as {@code map} records it. */
  Optional<Location> locate(SourceMap map) {
    if (location != null || pointer == null) {
      return Optional.ofNullable(location);
    }
    return atKey ? map.key(pointer) : map.value(pointer);
  }

  InvalidJobSpecException toException(SourceMap map, Path spec) {
    Optional<Location> where = locate(map);
    StringBuilder message = new StringBuilder("jobspec invalid: ").append(getMessage());
    where.ifPresent(at -> message.append(' ').append(at.describe()));
    if (hint != null) {
      message.append("; ").append(hint);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    if (pointer != null) {
      details.put("path", pointer);
    }
    where.ifPresent(at -> {
      details.put("line", at.line());
      details.put("column", at.column());
    });
    details.put("spec", spec.toString());
    details.putAll(extra);
    return new InvalidJobSpecException(message.toString(), details);
  }
}
