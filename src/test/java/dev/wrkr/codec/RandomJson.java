package dev.wrkr.codec;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random JSON trees for the seeded property tests: nested objects and arrays, strings mixing ASCII,
 * control characters, HTML characters, line separators and astral code points (never a lone
 * surrogate), and numbers of every node type and magnitude.
 */
final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 5;

  private final SplittableRandom random;

  RandomJson(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Fixed seeds that replay, plus one new seed per run (printed in the test's display name). */
  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  JsonNode tree() {
    return value(0);
  }

  private JsonNode value(int depth) {
    int kind = random.nextInt(depth >= MAX_DEPTH ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2, 3 -> NODES.stringNode(string());
      case 4, 5 -> number();
      case 6 -> object(depth);
      default -> array(depth);
    };
  }

  private ObjectNode object(int depth) {
    ObjectNode node = NODES.objectNode();
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      node.set(string(), value(depth + 1));
    }
    return node;
  }

  private ArrayNode array(int depth) {
    ArrayNode node = NODES.arrayNode();
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      node.add(value(depth + 1));
    }
    return node;
  }

  JsonNode number() {
    return switch (random.nextInt(7)) {
      case 0 -> NODES.numberNode(random.nextInt(-1000, 1000));
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(new BigInteger(70, new java.util.Random(random.nextLong())).negate());
      case 3 -> NODES.numberNode(finiteDouble());
      case 4 -> NODES.numberNode(random.nextInt(-100000, 100000) / 1000.0);
      case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
      default -> NODES.numberNode((1L << 53) + random.nextInt(-3, 4));
    };
  }

  double finiteDouble() {
    while (true) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        return d;
      }
    }
  }

  String string() {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(10);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(codePoint());
    }
    return s.toString();
  }

  private int codePoint() {
    return switch (random.nextInt(8)) {
      case 0 -> random.nextInt(0x20);
      case 1 -> "\"\\/<>&'\u007f\u2028\u2029\ufeff\ufffd".charAt(random.nextInt(12));
      case 2 -> random.nextInt(0x80, 0x800);
      case 3 -> bmpOutsideSurrogates();
      case 4 -> random.nextInt(0x10000, 0x110000);
      default -> random.nextInt(0x20, 0x7f);
    };
  }

  private int bmpOutsideSurrogates() {
    int c = random.nextInt(0x800, 0x10000 - 0x800);
    return c < 0xD800 ? c : c + 0x800;
  }

  /** Equal as JSON: numbers compare by value, so {@code 1.0} equals {@code 1}. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals(
        (x, y) -> {
          if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
          }
          return x.equals(y) ? 0 : 1;
        },
        b);
  }
}
