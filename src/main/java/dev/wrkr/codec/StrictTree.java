package dev.wrkr.codec;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The rules Jackson does not enforce for us: no lone surrogates in strings or keys (RFC 8785 and
 * I-JSON require valid Unicode) and no number outside the range of a double (I-JSON; {@code 1e400}
 * would otherwise become Infinity, which JSON cannot hold).
 *
 * <p>Checked on the finished tree, which is cheap; only when something is found is the text scanned
 * again, token by token, to say where.
 */
final class StrictTree {
  private StrictTree() {}

  /** The first problem in the tree, depth first, or empty when it follows the rules. */
  static Optional<String> firstProblem(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> firstInObject(node);
      case ARRAY -> {
        for (JsonNode element : node.values()) {
          Optional<String> problem = firstProblem(element);
          if (problem.isPresent()) {
            yield problem;
          }
        }
        yield Optional.empty();
      }
      case STRING -> stringProblem(node.stringValue());
      case NUMBER -> numberProblem(node);
      case BINARY, BOOLEAN, MISSING, NULL, POJO -> Optional.empty();
    };
  }

  private static Optional<String> firstInObject(JsonNode node) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      Optional<String> problem = stringProblem(property.getKey()).or(() -> firstProblem(property.getValue()));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The first token breaking the rules, with where it starts, scanning from the start. */
  static Optional<Finding> locate(JsonParser parser) {
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      Optional<String> problem =
          switch (token) {
            case PROPERTY_NAME -> stringProblem(parser.currentName());
            case VALUE_STRING -> stringProblem(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numberProblem(parser);
            default -> Optional.empty();
          };
      if (problem.isPresent()) {
        return Optional.of(new Finding(problem.get(), parser.currentTokenLocation()));
      }
    }
    return Optional.empty();
  }

  /** A rule broken at a place in the text. */
  record Finding(String problem, TokenStreamLocation where) {}

  private static Optional<String> numberProblem(JsonParser parser) {
    boolean finite =
        parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? isFinite(parser.getBigIntegerValue())
            : Double.isFinite(parser.getDoubleValue());
    return finite ? Optional.empty() : Optional.of(outOfRange(parser.getString()));
  }

  static Optional<String> stringProblem(String s) {
    int index = loneSurrogateIndex(s);
    return index < 0
        ? Optional.empty()
        : Optional.of(String.format("lone surrogate \\u%04x in a string", (int) s.charAt(index)));
  }

  private static Optional<String> numberProblem(JsonNode number) {
    boolean finite =
        number.isBigInteger() ? isFinite(number.bigIntegerValue()) : Double.isFinite(number.doubleValue());
    return finite ? Optional.empty() : Optional.of(outOfRange(number.toString()));
  }

  private static boolean isFinite(BigInteger value) {
    return Double.isFinite(value.doubleValue());
  }

  private static String outOfRange(String number) {
    String shown = number.length() <= 24 ? number : number.substring(0, 20) + "...";
    return "number " + shown + " is outside the range of a double";
  }

  /** Index of the first unpaired UTF-16 surrogate in {@code s}, or -1 when there is none. */
  static int loneSurrogateIndex(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
