package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CanonicalText} may only say "canonical" of text {@link Canonical} writes byte for byte,
 * and must say it of the payloads we store (objects of strings, booleans, nulls and integers).
 */
class CanonicalTextTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static LongStream seeds() {
    return RandomJson.seeds();
  }

  /**
   * Random trees of every kind (floats, big numbers, any string), canonicalized, then damaged in
   * random ways: whatever the scanner accepts must come back unchanged through parse and
   * canonicalize.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whatever_it_calls_canonical_should_be_what_canonical_writes(long seed) {
    RandomJson json = new RandomJson(seed);
    SplittableRandom random = new SplittableRandom(seed);
    int accepted = 0;
    for (int i = 0; i < 400; i++) {
      ObjectNode tree = NODES.objectNode();
      tree.set("k" + i, json.tree());
      tree.set(json.string(), json.tree());
      String text = Canonical.canonicalString(tree);
      for (String candidate : new String[] {text, damage(text, random)}) {
        int scan = CanonicalText.scanObject(candidate, "k" + i);
        if (scan == CanonicalText.NOT_CANONICAL) {
          continue;
        }
        accepted++;
        assertThat(Canonical.canonicalString(Json.parse(candidate))).as(candidate).isEqualTo(candidate);
      }
    }
    assertThat(accepted).isPositive();
  }

  /** Stored payloads (no fractions, no escaped names) must take the fast path, member included. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void canonical_payloads_like_the_ones_we_store_should_be_recognised(long seed) {
    RandomJson json = new RandomJson(seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      ObjectNode tree = payload(json, random, 0);
      int expected = CanonicalText.ABSENT;
      switch (random.nextInt(4)) {
        case 0 -> {
          tree.put("executed", true);
          expected = CanonicalText.TRUE;
        }
        case 1 -> {
          tree.put("executed", false);
          expected = CanonicalText.FALSE;
        }
        case 2 -> {
          tree.put("executed", "yes");
          expected = CanonicalText.OTHER;
        }
        default -> tree.remove("executed");
      }
      String text = Canonical.canonicalString(tree);
      assertThat(CanonicalText.scanObject(text, "executed")).as(text).isEqualTo(expected);
    }
  }

  private static ObjectNode payload(RandomJson json, SplittableRandom random, int depth) {
    ObjectNode node = NODES.objectNode();
    int size = random.nextInt(7);
    for (int i = 0; i < size; i++) {
      String name = random.nextBoolean() ? "field_" + random.nextInt(50) : json.string().replaceAll("[\\x00-\\x1f\"\\\\]", "");
      switch (random.nextInt(depth >= 3 ? 4 : 6)) {
        case 0 -> node.put(name, json.string());
        case 1 -> node.put(name, random.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L));
        case 2 -> node.put(name, random.nextBoolean());
        case 3 -> node.putNull(name);
        case 4 -> node.set(name, payload(json, random, depth + 1));
        default -> node.putArray(name).add(json.string()).add(random.nextInt()).add(payload(json, random, depth + 1));
      }
    }
    return node;
  }

  /** One random change that may or may not keep the text canonical, or even JSON. */
  private static String damage(String text, SplittableRandom random) {
    int at = random.nextInt(text.length() + 1);
    String[] inserts = {" ", "\n", "0", "-", ".5", "e1", "\\u00e9", "\\u001F", "\\/", "\"", ",", "}", "\ud800", "01"};
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at);
      case 1 -> text.substring(0, at);
      default -> text.substring(0, at) + (at < text.length() ? text.substring(at + 1) : "");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1.50}", "{\"a\":1.0}", "{\"a\":1e3}", "{\"a\":1E21}", "{\"a\":1e400}", "{\"a\":-0.0}", "{\"a\":.5}",
      "{\"a\":1.}", "{\"a\":1e}", "{\"a\":-0}", "{\"a\":01}", "{\"a\":1234567890123456}",
      "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "{ \"a\":1}", "{\"a\":\"\\u00e9\"}", "{\"a\":\"\\u000A\"}",
      "{\"a\":\"\\u001F\"}", "{\"a\":\"\\/\"}", "{\"a\\n\":1}", "{\"a\":\"\ud800\"}", "{\"a\":1}x", "[1]", "{\"a\":tru}",
      "{\"a\":1,}", "{\"a\"}", ""})
  void text_canonicalize_would_change_or_reject_should_not_be_called_canonical(String text) {
    assertThat(CanonicalText.scanObject(text, "a")).isEqualTo(CanonicalText.NOT_CANONICAL);
  }

  @Test
  void canonical_escapes_integers_and_nesting_should_be_recognised() {
    JsonNode tree = Json.parse("{\"a\":\"q\\\" b\\\\ nl\\n tab\\t \\u001f é 😀\",\"b\":[-12,0,999999999999999,null,{}],"
        + "\"c\":{\"d\":[[]],\"executed\":false}}");
    String text = Canonical.canonicalString(tree);
    assertThat(CanonicalText.scanObject(text, "executed")).isEqualTo(CanonicalText.ABSENT);
    assertThat(CanonicalText.scanObject(text, "b")).isEqualTo(CanonicalText.OTHER);
    assertThat(CanonicalText.scanObject("{}", "executed")).isEqualTo(CanonicalText.ABSENT);
    assertThat(CanonicalText.scanObject("{\"a\":0.0125,\"b\":-1.5,\"c\":1e+21,\"d\":5e-7}", "x"))
        .isEqualTo(CanonicalText.ABSENT);
    assertThat(CanonicalText.isPlainString("2026-02-14T03:45:00Z")).isTrue();
    assertThat(CanonicalText.isPlainString("a\"b")).isFalse();
    assertThat(CanonicalText.isPlainString("é")).isFalse();
  }
}
