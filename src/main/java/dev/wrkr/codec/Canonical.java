package dev.wrkr.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the bytes that are hashed and signed (jobpack files,
 * fingerprints, manifests). Same tree, same bytes, on every machine.
 *
 * <p>UTF-8, no whitespace, object members sorted by the UTF-16 code units of their names ({@link
 * String#compareTo} order), strings escaped as ECMAScript {@code JSON.stringify} does (only {@code
 * "}, {@code \} and control characters; no HTML escaping, unlike {@link GoJson}), numbers as
 * {@link EcmaNumbers}.
 *
 * <p>Numbers: JCS treats every number as an IEEE-754 double. Integers within ±2^53 are exact and
 * print as themselves; larger integers are rounded to the nearest double and printed as that double
 * ({@code 9007199254740993} becomes {@code 9007199254740992}, {@code 1e21} and up use exponent
 * form), which is what any other JCS implementation produces from the same text. Keep identifiers
 * that need more precision in strings. A float node prints its shortest float decimal (Go's {@code
 * float32} form); a {@code BigDecimal} node is rounded to a double.
 *
 * <p>Binary nodes are written as their standard base64 string, as Go writes {@code []byte}.
 * Strings with lone surrogates, non-finite numbers and Java objects wrapped in the tree are refused
 * with a {@link JsonFormatException} naming the JSON Pointer of the value.
 */
public final class Canonical {
  private static final long MAX_EXACT = 1L << 53;

  private Canonical() {}

  /** The canonical UTF-8 bytes of a tree. */
  public static byte[] canonicalize(JsonNode node) {
    return canonicalString(node).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical bytes of a value, through {@link Json#tree(Object)} unless it is a tree. */
  public static byte[] canonicalize(Object value) {
    return canonicalize(value instanceof JsonNode node ? node : Json.tree(value));
  }

  /** The canonical form of a tree as a string (its UTF-8 encoding is {@link #canonicalize}). */
  public static String canonicalString(JsonNode node) {
    Writer writer = new Writer();
    writer.value(node);
    return writer.out.toString();
  }

  /** One canonicalization: output plus the path to the current value, for error messages. */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder();
    private final Deque<String> path = new ArrayDeque<>();

    void value(JsonNode node) {
      switch (node.getNodeType()) {
        case OBJECT -> object(node);
        case ARRAY -> array(node);
        case STRING -> string(node.stringValue());
        case NUMBER -> out.append(number(node));
        case BOOLEAN -> out.append(node.booleanValue());
        case NULL -> out.append("null");
        case BINARY -> string(Base64.getEncoder().encodeToString(node.binaryValue()));
        case MISSING, POJO -> throw refuse("a " + node.getNodeType() + " node is not JSON");
      }
    }

    private void object(JsonNode node) {
      // String.compareTo orders by UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.sort(names);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (i > 0) {
          out.append(',');
        }
        path.addLast(name);
        string(name);
        out.append(':');
        value(node.get(name));
        path.removeLast();
      }
      out.append('}');
    }

    private void array(JsonNode node) {
      out.append('[');
      int index = 0;
      for (JsonNode element : node.values()) {
        if (index > 0) {
          out.append(',');
        }
        path.addLast(Integer.toString(index++));
        value(element);
        path.removeLast();
      }
      out.append(']');
    }

    private void string(String s) {
      if (StrictTree.loneSurrogateIndex(s) >= 0) {
        throw refuse(StrictTree.stringProblem(s).orElseThrow());
      }
      JsonStrings.appendCanonical(out, s);
    }

    private String number(JsonNode node) {
      try {
        return switch (node.numberType()) {
          case INT, LONG -> longValue(node.longValue());
          case BIG_INTEGER -> bigInteger(node.bigIntegerValue());
          case FLOAT -> EcmaNumbers.format(node.floatValue());
          case DOUBLE, BIG_DECIMAL -> EcmaNumbers.format(node.doubleValue());
        };
      } catch (IllegalArgumentException e) {
        throw refuse(e.getMessage());
      }
    }

    private static String longValue(long value) {
      return -MAX_EXACT <= value && value <= MAX_EXACT
          ? Long.toString(value)
          : EcmaNumbers.format((double) value);
    }

    private static String bigInteger(BigInteger value) {
      return value.abs().compareTo(BigInteger.valueOf(MAX_EXACT)) <= 0
          ? value.toString()
          : EcmaNumbers.format(value.doubleValue());
    }

    private JsonFormatException refuse(String problem) {
      String pointer =
          path.stream()
              .map(segment -> "/" + segment.replace("~", "~0").replace("/", "~1"))
              .collect(Collectors.joining());
      return JsonFormatException.inValue(problem, pointer);
    }
  }
}
