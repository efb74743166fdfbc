package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JsonTest {

  record Event(String zeta, int alpha, Instant mid, List<String> tags) {}

  record Counter(int count) {}

  @Test
  void parse_should_reject_duplicate_keys_with_their_position() {
    assertInvalid("{\n  \"a\": 1,\n  \"a\": 2\n}")
        .hasMessageContaining("line 3")
        .hasMessageContaining("column")
        .hasMessageContaining("\"a\"");
  }

  @Test
  void parse_should_reject_duplicate_keys_in_nested_objects() {
    assertInvalid("[{\"x\":{\"k\":1,\"k\":1}}]").hasMessageContaining("\"k\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "NaN",
        "[NaN]",
        "{\"x\": Infinity}",
        "[-Infinity]",
        "[01]",
        "[+1]",
        "[.5]",
        "[1.]",
        "{'a': 1}",
        "{a: 1}",
        "[1,]",
        "[1,,2]",
        "{\"a\":1,}",
        "// comment\n1",
        "/* comment */ 1",
        "# comment\n1",
        "[\"tab\there\"]",
        "[0x10]",
        "[\"\\q\"]",
        "{\"a\" 1}",
      })
  void parse_should_reject_lax_json(String text) {
    assertInvalid(text).hasMessageContaining("line 1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{} x", "{}{}", "1 2", "[1]]", "\"a\" \"b\"", "true false", "null,"})
  void parse_should_reject_trailing_tokens(String text) {
    assertInvalid(text).hasMessageContaining("line 1, column");
  }

  @Test
  void parse_should_reject_an_escaped_lone_surrogate_with_its_position() {
    assertInvalid("{\n  \"ok\": \"\\ud83d\\ude00\",\n  \"bad\": \"x\\ud800y\"\n}")
        .hasMessageContaining("lone surrogate \\ud800")
        .hasMessageContaining("line 3, column 10");
  }

  @Test
  void parse_should_reject_a_lone_low_surrogate_in_a_key() {
    assertInvalid("{\"\\udc00\": 1}").hasMessageContaining("surrogate").hasMessageContaining("line 1");
  }

  @Test
  void parse_should_reject_a_raw_lone_surrogate_in_text() {
    assertInvalid("[\"a\uD800\"]").hasMessageContaining("lone surrogate");
  }

  @Test
  void parse_should_accept_escaped_and_raw_surrogate_pairs() {
    assertThat(Json.parse("[\"\\ud83d\\ude00\", \"\uD83D\uDE00\"]").get(0).stringValue())
        .isEqualTo("\uD83D\uDE00");
    assertThat(Json.parse("[\"\\ud83d\\ude00\", \"\uD83D\uDE00\"]").get(1).stringValue())
        .isEqualTo("\uD83D\uDE00");
  }

  @Test
  void parse_should_reject_bytes_that_are_not_utf8_with_the_byte_offset() {
    byte[] bytes = {'[', '"', (byte) 0xC3, '"', ']'};
    assertThatThrownBy(() -> Json.parse(bytes))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("byte offset 2")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void parse_should_reject_cesu8_encoded_surrogates() {
    byte[] bytes = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
    assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOf(JsonFormatException.class);
  }

  @Test
  void parse_should_reject_utf16_input() {
    byte[] bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
    assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOf(JsonFormatException.class);
  }

  @Test
  void parse_should_read_utf8_bytes() {
    byte[] bytes = "{\"é\":\"€\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(Json.parse(bytes).get("é").stringValue()).isEqualTo("€\uD83D\uDE00");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "   ", "\n"})
  void parse_should_reject_empty_input(String text) {
    assertInvalid(text).hasMessageContaining("no JSON value");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"[1e400]|1e400", "[-1e400]|-1e400", "{\"n\": 1.8e308}|1.8e308"})
  void parse_should_reject_floats_outside_the_double_range(String text, String number) {
    assertInvalid(text)
        .hasMessageContaining("number " + number + " is outside the range of a double")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void parse_should_reject_integers_outside_the_double_range() {
    assertInvalid("[" + "9".repeat(400) + "]").hasMessageContaining("outside the range of a double");
  }

  @Test
  void parse_should_read_floats_as_doubles_and_integers_by_size() {
    JsonNode node = Json.parse("[1.5, 1e2, 7, 9007199254740993, 18446744073709551616]");
    assertThat(node.get(0).isDouble()).isTrue();
    assertThat(node.get(1).isDouble()).isTrue();
    assertThat(node.get(2).canConvertToLong()).isTrue();
    assertThat(node.get(3).longValue()).isEqualTo(9007199254740993L);
    assertThat(node.get(4).bigIntegerValue()).isEqualTo(BigInteger.TWO.pow(64));
  }

  @Test
  void exceptions_should_carry_the_invalid_input_reason_code_and_position_details() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOfSatisfying(
            JsonFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
              assertThat(e.details()).containsEntry("line", 1).containsKey("column");
            });
  }

  @Test
  void tree_should_keep_record_components_in_declaration_order() {
    Event event = new Event("z", 1, Instant.parse("2026-02-14T03:45:00Z"), List.of("t"));
    assertThat(Json.tree(event).propertyNames()).containsExactly("zeta", "alpha", "mid", "tags");
  }

  @Test
  void tree_should_write_instants_as_go_timestamps() {
    Event event = new Event("z", 1, Instant.parse("2026-02-14T03:45:00.100Z"), List.of());
    assertThat(Json.tree(event).get("mid").stringValue()).isEqualTo("2026-02-14T03:45:00.1Z");
    assertThat(Json.tree(Instant.EPOCH).stringValue()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void tree_of_null_should_be_a_json_null() {
    assertThat(Json.tree(null).isNull()).isTrue();
  }

  @Test
  void tree_should_refuse_instants_go_cannot_write() {
    assertThatThrownBy(() -> Json.tree(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0000-9999");
  }

  @Test
  void read_should_bind_records_and_parse_rfc3339_instants_with_offsets() {
    Event event =
        Json.read(
            "{\"zeta\":\"z\",\"alpha\":2,\"mid\":\"2026-02-14T05:45:00.5+02:00\",\"tags\":[\"a\"]}",
            Event.class);
    assertThat(event)
        .isEqualTo(new Event("z", 2, Instant.parse("2026-02-14T03:45:00.500Z"), List.of("a")));
  }

  @Test
  void read_should_round_trip_a_record_through_its_tree() {
    Event event = new Event("z", 3, Instant.parse("2026-02-14T03:45:00.000000001Z"), List.of("a", "b"));
    assertThat(Json.read(Json.tree(event), Event.class)).isEqualTo(event);
  }

  @Test
  void read_should_ignore_unknown_properties_as_go_does() {
    assertThat(Json.read("{\"count\":1,\"extra\":true}", Counter.class)).isEqualTo(new Counter(1));
  }

  @Test
  void read_should_reject_a_bad_timestamp_naming_the_property() {
    assertThatThrownBy(() -> Json.read("{\"zeta\":\"z\",\"alpha\":1,\"mid\":\"2026-02-14 03:45\"}", Event.class))
        .isInstanceOfSatisfying(
            JsonFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
              assertThat(e.details()).containsEntry("path", "/mid");
            })
        .hasMessageContaining("/mid");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"count\":\"5\"}|/count",
        "{\"count\":1.5}|/count",
        "{\"count\":null}|/count",
        "{\"count\":true}|/count",
      })
  void read_should_reject_values_go_would_not_coerce(String text, String path) {
    assertThatThrownBy(() -> Json.read(text, Counter.class))
        .isInstanceOfSatisfying(
            JsonFormatException.class, e -> assertThat(e.details()).containsEntry("path", path));
  }

  @Test
  void read_should_apply_the_strict_parse_rules_first() {
    assertInvalid(() -> Json.read("{\"count\":1,\"count\":2}", Counter.class));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String text) {
    return assertInvalid(() -> Json.parse(text));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            JsonFormatException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA));
  }
}
