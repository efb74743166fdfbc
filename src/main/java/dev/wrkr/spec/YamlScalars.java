package dev.wrkr.spec;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns YAML scalars into JSON values by the YAML 1.2 core schema, restricted to what JSON can hold.
 *
 * <p>Only plain (unquoted, untagged) scalars are resolved: {@code null ~} and empty to null, {@code
 * true false} (and their capitalised forms) to booleans, decimal, {@code 0o} octal and {@code 0x}
 * hex integers, and decimal floats. Everything else is a string, so timestamps, {@code yes}/{@code
 * on} and version numbers like {@code 1.2.3} stay strings (as in Wrkr, whose yaml.v3 keeps
 * timestamp-like scalars as strings when decoding generically). Quoted and block scalars are
 * always strings. {@code .inf}, {@code .nan} and numbers beyond a double are refused, as JSON has
 * no such values; so are tags other than {@code !!str} and {@code !}.
 */
final class YamlScalars {
  static final String STR_TAG = "tag:yaml.org,2002:str";
  /** Longest number accepted, as Jackson's default for JSON (keeps BigInteger parsing cheap). */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern NOT_A_NUMBER = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private YamlScalars() {}

  /** The JSON value of a scalar in value position. */
  static JsonNode value(ScalarEvent event, String pointer, Location at) {
    String text = event.getValue();
    requireUnicode(text, pointer, at);
    if (isString(event, pointer, at)) {
      return NODES.stringNode(text);
    }
    return plain(text, pointer, at);
  }

  /** The name of a scalar in key position; keys must resolve to strings. */
  static String key(ScalarEvent event, String pointer, Location at) {
    String text = event.getValue();
    requireUnicode(text, pointer, at);
    if (isString(event, pointer, at)) {
      return text;
    }
    JsonNode resolved = plain(text, pointer, at);
    if (!resolved.isString()) {
      String shown = text.isEmpty() ? "an empty key" : "key " + text;
      throw Problem.parsing(pointer, at, "YAML " + shown + " is a " + kind(resolved)
          + ", not a string; object keys must be strings (quote it)");
    }
    return text;
  }

  private static boolean isString(ScalarEvent event, String pointer, Location at) {
    Optional<String> tag = event.getTag();
    if (tag.isPresent()) {
      if (tag.get().equals("!") || tag.get().equals(STR_TAG)) {
        return true;
      }
      throw Problem.parsing(pointer, at,
          "YAML tag " + shortTag(tag.get()) + " is not supported; use plain JSON-compatible values");
    }
    return event.getScalarStyle() != ScalarStyle.PLAIN;
  }

  private static JsonNode plain(String text, String pointer, Location at) {
    switch (text) {
      case "", "~", "null", "Null", "NULL" -> {
        return NODES.nullNode();
      }
      case "true", "True", "TRUE" -> {
        return NODES.booleanNode(true);
      }
      case "false", "False", "FALSE" -> {
        return NODES.booleanNode(false);
      }
      default -> {
        return number(text, pointer, at).orElseGet(() -> NODES.stringNode(text));
      }
    }
  }

  private static Optional<JsonNode> number(String text, String pointer, Location at) {
    char first = text.charAt(0);
    if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
      return Optional.empty();
    }
    if (NOT_A_NUMBER.matcher(text).matches()) {
      throw Problem.parsing(pointer, at, "YAML value " + text + " is not a JSON number");
    }
    boolean decimal = DECIMAL.matcher(text).matches();
    boolean octal = !decimal && OCTAL.matcher(text).matches();
    boolean hex = !decimal && !octal && HEX.matcher(text).matches();
    boolean fraction = !decimal && !octal && !hex && FLOAT.matcher(text).matches();
    if (!(decimal || octal || hex || fraction)) {
      return Optional.empty();
    }
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw Problem.parsing(pointer, at, "number is longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    if (fraction) {
      double d = Double.parseDouble(text);
      requireFinite(Double.isFinite(d), text, pointer, at);
      return Optional.of(NODES.numberNode(d));
    }
    BigInteger n = decimal ? new BigInteger(text.startsWith("+") ? text.substring(1) : text)
        : new BigInteger(text.substring(2), octal ? 8 : 16);
    requireFinite(Double.isFinite(n.doubleValue()), text, pointer, at);
    return Optional.of(integer(n));
  }

  /** The node Jackson gives for the same integer in JSON: int, long or BigInteger by size. */
  private static JsonNode integer(BigInteger n) {
    if (n.bitLength() < 32) {
      return NODES.numberNode(n.intValue());
    }
    return n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
  }

  private static void requireFinite(boolean finite, String text, String pointer, Location at) {
    if (!finite) {
      String shown = text.length() <= 24 ? text : text.substring(0, 20) + "...";
      throw Problem.parsing(pointer, at, "number " + shown + " is outside the range of a double");
    }
  }

  /** Lone surrogates (from {@code "\ud800"} escapes) cannot be written as UTF-8 or canonical JSON. */
  private static void requireUnicode(String text, String pointer, Location at) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Problem.parsing(pointer, at, String.format("lone surrogate \\u%04x in a string", (int) c));
      }
    }
  }

  private static String kind(JsonNode node) {
    return node.isNull() ? "null" : node.isBoolean() ? "boolean" : "number";
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
  }
}
