package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CanonicalTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  record Sample(String zeta, Instant at, double ratio) {}

  @Test
  void canonicalize_should_produce_the_rfc_8785_sample_output() throws IOException {
    JsonNode input = Json.parse(resource("rfc8785-sample.json"));
    assertThat(Canonical.canonicalize(input)).isEqualTo(resource("rfc8785-sample.canonical.json"));
    assertThat(Canonical.canonicalString(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void canonicalize_should_sort_keys_by_utf16_code_units() throws IOException {
    JsonNode input = Json.parse(resource("rfc8785-sorting.json"));
    JsonNode output = Json.parse(Canonical.canonicalize(input));
    List<String> values = output.values().stream().map(JsonNode::stringValue).toList();
    assertThat(values)
        .containsExactly(
            "Carriage Return",
            "One",
            "Control",
            "Latin Small Letter O With Diaeresis",
            "Euro Sign",
            "Emoji: Grinning Face",
            "Hebrew Letter Dalet With Dagesh");
    assertThat(Canonical.canonicalize(input)).isEqualTo(resource("rfc8785-sorting.canonical.json"));
  }

  @Test
  void canonicalize_should_sort_an_astral_key_before_a_high_bmp_key() {
    ObjectNode node = NODES.objectNode();
    node.put("\uFB33", 2);
    node.put("\uD83D\uDE00", 1);
    assertThat(Canonical.canonicalString(node)).isEqualTo("{\"\uD83D\uDE00\":1,\"\uFB33\":2}");
  }

  @Test
  void canonicalize_should_escape_only_what_json_stringify_escapes() {
    String raw = "\"\\/<>&\u007f\u2028\u2029é\uD83D\uDE00\b\f\n\r\t\u0000\u001f\u000b";
    assertThat(Canonical.canonicalString(NODES.stringNode(raw)))
        .isEqualTo(
            "\"\\\"\\\\/<>&\u007f\u2028\u2029é\uD83D\uDE00\\b\\f\\n\\r\\t\\u0000\\u001f\\u000b\"");
  }

  @Test
  void canonicalize_should_write_utf8_without_whitespace() {
    JsonNode node = Json.parse("{ \"b\" : [ 1 , { } , [ ] ] , \"a\" : \"é\" }");
    assertThat(Canonical.canonicalize(node))
        .isEqualTo("{\"a\":\"é\",\"b\":[1,{},[]]}".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "9007199254740992, 9007199254740992",
    "-9007199254740992, -9007199254740992",
    "9007199254740993, 9007199254740992",
    "18446744073709551616, 18446744073709552000",
    "-9223372036854775808, -9223372036854776000",
    "1000000000000000000000, 1e+21",
    "123456789012345678901234567890, 1.2345678901234568e+29",
    "-0, 0",
    "1.0, 1",
    "-0.0, 0",
    "1E30, 1e+30",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
  })
  void canonicalize_should_write_numbers_as_ieee_doubles(String text, String expected) {
    assertThat(Canonical.canonicalString(Json.parse(text))).isEqualTo(expected);
  }

  @Test
  void canonicalize_should_write_big_integer_and_long_nodes_past_2_pow_53_as_doubles() {
    assertThat(Canonical.canonicalString(NODES.numberNode(Long.MIN_VALUE)))
        .isEqualTo("-9223372036854776000");
    assertThat(Canonical.canonicalString(NODES.numberNode(BigInteger.TWO.pow(64))))
        .isEqualTo("18446744073709552000");
    assertThat(Canonical.canonicalString(NODES.numberNode(0.1f))).isEqualTo("0.1");
  }

  @Test
  void canonicalize_should_refuse_a_lone_surrogate_naming_its_pointer() {
    ObjectNode node = NODES.objectNode();
    node.putArray("a/b").add("ok").add("x\uD800");
    assertThatThrownBy(() -> Canonical.canonicalize(node))
        .isInstanceOfSatisfying(
            JsonFormatException.class,
            e -> assertThat(e.details()).containsEntry("path", "/a~1b/1"))
        .hasMessageContaining("lone surrogate \\ud800");
  }

  @Test
  void canonicalize_should_refuse_a_lone_surrogate_in_a_key() {
    ObjectNode node = NODES.objectNode();
    node.put("\uDC00", 1);
    assertThatThrownBy(() -> Canonical.canonicalize(node)).isInstanceOf(JsonFormatException.class);
  }

  @Test
  void canonicalize_should_refuse_non_finite_numbers() {
    ObjectNode node = NODES.objectNode();
    node.put("n", Double.NaN);
    assertThatThrownBy(() -> Canonical.canonicalize(node))
        .isInstanceOfSatisfying(
            JsonFormatException.class, e -> assertThat(e.details()).containsEntry("path", "/n"));
  }

  @Test
  void canonicalize_of_a_value_should_go_through_the_shared_mapper() {
    Sample sample = new Sample("z", Instant.parse("2026-02-14T03:45:00.120Z"), 0.5);
    assertThat(new String(Canonical.canonicalize((Object) sample), StandardCharsets.UTF_8))
        .isEqualTo("{\"at\":\"2026-02-14T03:45:00.12Z\",\"ratio\":0.5,\"zeta\":\"z\"}");
  }

  @Test
  void canonicalize_should_write_binary_as_base64_like_go() {
    assertThat(Canonical.canonicalString(NODES.binaryNode(new byte[] {(byte) 0xfb, (byte) 0xff})))
        .isEqualTo("\"+/8=\"");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.wrkr.codec.RandomJson#seeds")
  void canonicalize_should_be_a_fixed_point_of_parse_then_canonicalize(long seed) {
    RandomJson random = new RandomJson(seed);
    for (int i = 0; i < 200; i++) {
      JsonNode tree = random.tree();
      byte[] once = Canonical.canonicalize(tree);
      assertThat(Canonical.canonicalize(Json.parse(once)))
          .as("tree %s", tree)
          .isEqualTo(once);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.wrkr.codec.RandomJson#seeds")
  void canonicalize_should_not_depend_on_member_insertion_order(long seed) {
    RandomJson random = new RandomJson(seed);
    Random shuffler = new Random(seed);
    for (int i = 0; i < 200; i++) {
      JsonNode tree = random.tree();
      assertThat(Canonical.canonicalString(shuffled(tree, shuffler)))
          .isEqualTo(Canonical.canonicalString(tree));
    }
  }

  private static JsonNode shuffled(JsonNode node, Random shuffler) {
    if (node.isArray()) {
      var copy = NODES.arrayNode();
      node.values().forEach(element -> copy.add(shuffled(element, shuffler)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    List<String> names = new ArrayList<>(node.propertyNames());
    Collections.shuffle(names, shuffler);
    ObjectNode copy = NODES.objectNode();
    names.forEach(name -> copy.set(name, shuffled(node.get(name), shuffler)));
    return copy;
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = CanonicalTest.class.getResourceAsStream("/codec/" + name)) {
      assertThat(in).as("codec/%s on the test class path", name).isNotNull();
      return in.readAllBytes();
    }
  }
}
