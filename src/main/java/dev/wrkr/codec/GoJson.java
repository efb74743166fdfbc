package dev.wrkr.codec;

import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON text for people and programs reading the CLI and HTTP API, byte for byte what Go's {@code
 * encoding/json} writes for the same values, so output matches Wrkr's.
 *
 * <p>Members come out in the tree's order (an {@code ObjectNode} keeps insertion order): build the
 * tree in the documented field order, or sorted where Wrkr prints a Go map. Integers are written
 * verbatim; floats as {@link EcmaNumbers} (Go's float64 form is ECMAScript's), except that {@code
 * -0} stays {@code -0} as in Go. Binary nodes become standard base64 strings, as Go writes {@code
 * []byte}.
 *
 * <p>Escaping follows Go, including its HTML escaping: {@code <}, {@code >} and {@code &} become
 * {@code &#92;u003c}, {@code &#92;u003e} and {@code &#92;u0026}, and U+2028/U+2029 become {@code &#92;u2028} and
 * {@code &#92;u2029}. We HTML-escape like Go so that our output matches Wrkr's byte for byte and is safe
 * to embed in HTML. JCS files ({@link Canonical}) are not HTML-escaped. Control characters use
 * {@code \b \f \n \r \t} or {@code &#92;u00xx}; a lone surrogate, which Go would see as invalid UTF-8,
 * becomes {@code &#92;ufffd}.
 */
public final class GoJson {

  private GoJson() {}

  /**
   * Two-space indented, {@code "key": value}, {@code {}} and {@code []} for empty containers, with a
   * trailing newline: Go's {@code json.Encoder} with {@code SetIndent("", "  ")}.
   *
   * @throws IllegalArgumentException for non-finite numbers or non-JSON nodes, which Go refuses too
   */
  public static String pretty(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(out, node, 0, true);
    return out.append('\n').toString();
  }

  /**
   * No whitespace at all and no trailing newline (callers add it): Go's {@code json.Marshal}.
   *
   * @throws IllegalArgumentException for non-finite numbers or non-JSON nodes
   */
  public static String compact(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(out, node, 0, false);
    return out.toString();
  }

  private static void write(StringBuilder out, JsonNode node, int depth, boolean pretty) {
    switch (node.getNodeType()) {
      case OBJECT -> object(out, node, depth, pretty);
      case ARRAY -> array(out, node, depth, pretty);
      case STRING -> string(out, node.stringValue());
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      case BINARY -> string(out, Base64.getEncoder().encodeToString(node.binaryValue()));
      case MISSING, POJO ->
          throw new IllegalArgumentException("a " + node.getNodeType() + " node is not JSON");
    }
  }

  private static void object(StringBuilder out, JsonNode node, int depth, boolean pretty) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      separator(out, first, depth + 1, pretty);
      first = false;
      string(out, member.getKey());
      out.append(pretty ? ": " : ":");
      write(out, member.getValue(), depth + 1, pretty);
    }
    newline(out, depth, pretty);
    out.append('}');
  }

  private static void array(StringBuilder out, JsonNode node, int depth, boolean pretty) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (JsonNode element : node.values()) {
      separator(out, first, depth + 1, pretty);
      first = false;
      write(out, element, depth + 1, pretty);
    }
    newline(out, depth, pretty);
    out.append(']');
  }

  private static void separator(StringBuilder out, boolean first, int depth, boolean pretty) {
    if (!first) {
      out.append(',');
    }
    newline(out, depth, pretty);
  }

  private static void newline(StringBuilder out, int depth, boolean pretty) {
    if (pretty) {
      out.append('\n').append("  ".repeat(depth));
    }
  }

  private static String number(JsonNode node) {
    return switch (node.numberType()) {
      case INT, LONG, BIG_INTEGER -> node.numberValue().toString();
      case FLOAT -> negativeZero(node.floatValue()) ? "-0" : EcmaNumbers.format(node.floatValue());
      case DOUBLE, BIG_DECIMAL ->
          negativeZero(node.doubleValue()) ? "-0" : EcmaNumbers.format(node.doubleValue());
    };
  }

  private static boolean negativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  private static void string(StringBuilder out, String s) {
    JsonStrings.appendGo(out, s);
  }
}
