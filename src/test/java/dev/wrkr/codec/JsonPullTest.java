package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.codec.JsonPull.Token;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link JsonPull} against the mapper's reader (the one {@code EventCodec} falls back to): on any
 * text, the pull reader reads the same values, or refuses.
 */
class JsonPullTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static java.util.stream.LongStream seeds() {
    return RandomJson.seeds();
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void written_json_should_read_as_the_mapper_reads_it(long seed) {
    JsonNode tree = new RandomJson(seed).tree();
    for (String text : new String[] {Json.wire().writeValueAsString(tree),
        Json.wire().writerWithDefaultPrettyPrinter().writeValueAsString(tree)}) {
      JsonNode expected = Json.wire().readTree(text);
      try {
        assertThat(RandomJson.sameJson(read(text), expected)).as(text).isTrue();
      } catch (IllegalArgumentException refused) {
        assertThat(text).as("refused only for integers beyond 64 bits: " + refused.getMessage())
            .containsPattern("[0-9]{19}");
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void damaged_json_should_be_refused_whenever_the_mapper_refuses_it(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String original = Json.wire().writeValueAsString(new RandomJson(seed).tree());
    String edits = "{}[],:\"\\0123456789-+.eEtrufalsn \u0001/x";
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder(original);
      int at = rnd.nextInt(text.length() + 1);
      char c = edits.charAt(rnd.nextInt(edits.length()));
      switch (rnd.nextInt(3)) {
        case 0 -> text.insert(at, c);
        case 1 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, c);
          }
        }
      }
      String damaged = text.toString();
      JsonNode mapper = null;
      boolean duplicate = false;
      try {
        mapper = Json.wire().readTree(damaged);
      } catch (RuntimeException e) {
        duplicate = String.valueOf(e.getMessage()).contains("Duplicate");
      }
      JsonNode pull = null;
      try {
        pull = read(damaged);
      } catch (IllegalArgumentException e) {
        // refused
      }
      if (mapper == null && !duplicate) {
        assertThat(pull).as("refused by the mapper: %s", damaged).isNull();
      }
      if (mapper != null && pull != null) {
        assertThat(RandomJson.sameJson(pull, mapper)).as(damaged).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "+1", ".5", "5.", "1e", "-", "tru", "nul",
      "\"a", "\"\\x\"", "\"\\u12\"", "\"\\u١٢٣٤\"", "\"\u0001\"", "{} {}", "{'a':1}", "[1 2]", "{\"a\" 1}",
      "NaN", "1e999", "123456789012345678901", "{\"a\":1 \"b\":2}", "/*c*/1"})
  void text_that_is_not_plain_json_should_be_refused(String text) {
    assertThatThrownBy(() -> read(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unquote_should_give_the_value_of_one_json_string_and_null_for_anything_else() {
    org.assertj.core.api.Assertions.assertThat(JsonPull.unquote("\"plan\"")).isEqualTo("plan");
    org.assertj.core.api.Assertions.assertThat(JsonPull.unquote("\"\"")).isEmpty();
    org.assertj.core.api.Assertions.assertThat(JsonPull.unquote("\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\""))
        .isEqualTo("a\"b\\c\né😀");
    for (String notOne : new String[] {"", "\"", "1", "null", "[\"a\"]", "\"a\" ", " \"a\"", "\"a\\\"", "\"a\\q\""}) {
      org.assertj.core.api.Assertions.assertThat(JsonPull.unquote(notOne)).as(notOne).isNull();
    }
  }

  @Test
  void escapes_and_numbers_should_read_as_written() {
    JsonPull p = new JsonPull(" {\"a\\n\\u00e9\\ud83d\\ude00\" : [ -0 , 12.5e-1 , true , false , null ] } ");
    assertThat(p.nextToken()).isEqualTo(Token.START_OBJECT);
    assertThat(p.nextName()).isEqualTo("a\né😀");
    assertThat(p.nextToken()).isEqualTo(Token.START_ARRAY);
    assertThat(p.nextToken()).isEqualTo(Token.INT);
    assertThat(p.longValue()).isZero();
    assertThat(p.nextToken()).isEqualTo(Token.FLOAT);
    assertThat(p.doubleValue()).isEqualTo(1.25);
    assertThat(p.nextToken()).isEqualTo(Token.TRUE);
    assertThat(p.nextToken()).isEqualTo(Token.FALSE);
    assertThat(p.nextToken()).isEqualTo(Token.NULL);
    assertThat(p.nextToken()).isEqualTo(Token.END_ARRAY);
    assertThat(p.nextName()).isNull();
    assertThat(p.nextToken()).isNull();
  }

  /** The whole text as a tree, through the pull reader only. */
  private static JsonNode read(String text) {
    JsonPull p = new JsonPull(text);
    JsonNode tree = value(p, p.nextToken());
    if (p.nextToken() != null) {
      throw new IllegalArgumentException("more than one value");
    }
    return tree;
  }

  private static JsonNode value(JsonPull p, Token t) {
    if (t == null) {
      throw new IllegalArgumentException("no value");
    }
    return switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
          o.set(name, value(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (Token v = p.nextToken(); v != Token.END_ARRAY; v = p.nextToken()) {
          a.add(value(p, v));
        }
        yield a;
      }
      case STRING -> NODES.stringNode(p.string());
      case INT -> NODES.numberNode(p.longValue());
      case FLOAT -> NODES.numberNode(p.doubleValue());
      case TRUE -> NODES.booleanNode(true);
      case FALSE -> NODES.booleanNode(false);
      case NULL -> NODES.nullNode();
      case END_OBJECT, END_ARRAY -> throw new IllegalArgumentException("unexpected " + t);
    };
  }
}
