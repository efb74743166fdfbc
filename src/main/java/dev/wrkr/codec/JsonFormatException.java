package dev.wrkr.codec;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON input that breaks our conventions: malformed or lax syntax, a duplicate object key, a lone
 * surrogate, a number outside the double range, a value that does not fit the requested type, or a
 * timestamp that is not RFC 3339.
 *
 * <p>Always {@link ReasonCode#E_INVALID_INPUT_SCHEMA}. The message says what is wrong and where;
 * {@link #details()} carries {@code line} and {@code column} (1-based) when the parser knows them,
 * {@code byte_offset} for invalid UTF-8, and {@code path} (a JSON Pointer, or Jackson's property path) when the problem is inside a tree.
 */
public final class JsonFormatException extends WrkrException {

  JsonFormatException(String message, Map<String, ?> details, Throwable cause) {
    super(ReasonCode.E_INVALID_INPUT_SCHEMA, message, details, cause);
  }

  /** A problem found at a known position in the text (line and column are 1-based, 0 = unknown). */
  static JsonFormatException at(String problem, int line, int column, Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (line > 0) {
      details.put("line", line);
      if (column > 0) {
        details.put("column", column);
      }
      String where = column > 0 ? " at line " + line + ", column " + column : " at line " + line;
      return new JsonFormatException("invalid JSON" + where + ": " + problem, details, cause);
    }
    return new JsonFormatException("invalid JSON: " + problem, details, cause);
  }

  /** A problem found at a byte offset (0-based) of the input, before it could be read as text. */
  static JsonFormatException atByte(String problem, long offset) {
    return new JsonFormatException(
        "invalid JSON at byte offset " + offset + ": " + problem, Map.of("byte_offset", offset), null);
  }

  /** A problem found in a value, located by a path (a JSON Pointer or a property path). */
  static JsonFormatException inValue(String problem, String path) {
    return new JsonFormatException(
        "invalid JSON value at " + (path.isEmpty() ? "the root" : path) + ": " + problem,
        Map.of("path", path),
        null);
  }

  /** A problem with a single scalar, such as a timestamp string. */
  static JsonFormatException of(String problem) {
    return new JsonFormatException(problem, Map.of(), null);
  }
}
