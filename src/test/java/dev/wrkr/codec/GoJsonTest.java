package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class GoJsonTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The document behind codec/gojson-sample.*.json, in the field order those files show. */
  static ObjectNode sample() {
    ObjectNode root = NODES.objectNode();
    root.put("name", "wrkr <demo> & \"friends\" \\ /");
    root.put("separators", "a\u2028b\u2029c");
    root.put("controls", "\u0000\u0001\b\f\n\r\t\u000b\u001f\u007f");
    root.put("unicode", "é€\uD83D\uDE00");
    root.put("broken", "x\uD800y");
    root.putObject("empty_object");
    root.putArray("empty_array");
    ObjectNode nested = root.putObject("nested");
    ArrayNode list = nested.putArray("list");
    list.add(1).add(-0.0).add(0.5).add(1e21).add(1.5e-7).add(9007199254740993L);
    list.addObject();
    list.addArray();
    list.addArray().addArray();
    list.addNull().add(true);
    nested.putObject("deep").putObject("inner");
    root.put("<key>", "&");
    return root;
  }

  @Test
  void pretty_should_match_the_go_encoder_golden_file() throws IOException {
    assertThat(GoJson.pretty(sample())).isEqualTo(golden("gojson-sample.pretty.json"));
  }

  @Test
  void compact_should_match_the_go_marshal_golden_file() throws IOException {
    assertThat(GoJson.compact(sample())).isEqualTo(golden("gojson-sample.compact.json"));
  }

  @Test
  void pretty_should_end_with_one_newline_and_compact_with_none() {
    assertThat(GoJson.pretty(NODES.objectNode())).isEqualTo("{}\n");
    assertThat(GoJson.compact(NODES.objectNode())).isEqualTo("{}");
    assertThat(GoJson.pretty(NODES.stringNode("x"))).isEqualTo("\"x\"\n");
  }

  @Test
  void pretty_should_keep_the_tree_field_order() {
    ObjectNode node = NODES.objectNode().put("z", 1).put("a", 2);
    assertThat(GoJson.pretty(node)).isEqualTo("{\n  \"z\": 1,\n  \"a\": 2\n}\n");
  }

  @Test
  void strings_should_be_html_escaped_like_go() {
    assertThat(GoJson.compact(NODES.stringNode("<a href=\"x\">&amp;</a>")))
        .isEqualTo("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"");
  }

  @Test
  void integers_should_be_written_verbatim() {
    ArrayNode node = NODES.arrayNode().add(Long.MIN_VALUE).add(9007199254740993L);
    node.add(BigInteger.TWO.pow(70));
    assertThat(GoJson.compact(node))
        .isEqualTo("[-9223372036854775808,9007199254740993,1180591620717411303424]");
  }

  @Test
  void floats_should_use_the_ecmascript_form_except_for_negative_zero() {
    ArrayNode node = NODES.arrayNode().add(0.1).add(1e20).add(1e-6).add(5e-324).add(-0.0);
    node.add(0.1f).add(-0.0f);
    assertThat(GoJson.compact(node)).isEqualTo("[0.1,100000000000000000000,0.000001,5e-324,-0,0.1,-0]");
  }

  @Test
  void binary_should_be_standard_base64_like_go_byte_slices() {
    assertThat(GoJson.compact(NODES.binaryNode(new byte[] {(byte) 0xfb, (byte) 0xff})))
        .isEqualTo("\"+/8=\"");
  }

  @Test
  void non_finite_numbers_should_be_refused_as_go_refuses_them() {
    assertThatThrownBy(() -> GoJson.compact(NODES.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoJson.pretty(NODES.numberNode(Float.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.wrkr.codec.RandomJson#seeds")
  void compact_should_parse_back_to_an_equal_tree(long seed) {
    RandomJson random = new RandomJson(seed);
    for (int i = 0; i < 200; i++) {
      JsonNode tree = random.tree();
      String text = GoJson.compact(tree);
      assertThat(RandomJson.sameJson(Json.parse(text), tree)).as("%s", text).isTrue();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.wrkr.codec.RandomJson#seeds")
  void pretty_should_parse_back_to_an_equal_tree_and_hold_no_raw_html_characters(long seed) {
    RandomJson random = new RandomJson(seed);
    for (int i = 0; i < 200; i++) {
      JsonNode tree = random.tree();
      String text = GoJson.pretty(tree);
      assertThat(RandomJson.sameJson(Json.parse(text), tree)).as("%s", text).isTrue();
      assertThat(text).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    }
  }

  private static String golden(String name) throws IOException {
    return new String(CanonicalTest.resource(name), StandardCharsets.UTF_8);
  }
}
