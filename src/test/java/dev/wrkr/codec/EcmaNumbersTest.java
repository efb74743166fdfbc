package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcmaNumbersTest {

  /** RFC 8785 Appendix B, "IEEE-754 hex → expected JSON" (NaN and Infinity are tested below). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void format_should_match_the_rfc_8785_appendix_b_table(String bits, String expected) {
    assertThat(EcmaNumbers.format(fromHex(bits))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "5e-324, 5e-324",
    "1e21, 1e+21",
    "1e+23, 1e+23",
    "1e20, 100000000000000000000",
    "333333333.3333332, 333333333.3333332",
    "-0.0000033333333333333333, -0.0000033333333333333333",
    "1e-7, 1e-7",
    "0.000001, 0.000001",
    "123e-20, 1.23e-18",
    "9007199254740993, 9007199254740992",
    "0.1, 0.1",
    "1.5, 1.5",
    "100, 100",
    "-42, -42",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "4.9e-324, 5e-324",
    "9.881312916824931e-324, 1e-323",
    "1.4821969375237396e-323, 1.5e-323",
  })
  void format_should_print_what_ecmascript_string_prints(double value, String expected) {
    assertThat(EcmaNumbers.format(value)).isEqualTo(expected);
  }

  @Test
  void format_should_print_negative_zero_as_zero() {
    assertThat(EcmaNumbers.format(-0.0)).isEqualTo("0");
    assertThat(EcmaNumbers.format(-0.0f)).isEqualTo("0");
  }

  @Test
  void format_should_handle_the_extremes_of_the_double_range() {
    assertThat(EcmaNumbers.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(EcmaNumbers.format(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(EcmaNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(EcmaNumbers.format(-Double.MIN_VALUE)).isEqualTo("-5e-324");
  }

  /**
   * The subnormals that hang or crash erdtman's canonicalizer (java-stack.md §2.2). The timeout only
   * guards against a hang; it is not a speed check.
   */
  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void format_should_return_for_the_subnormals_that_break_other_canonicalizers() {
    assertThat(EcmaNumbers.format(1e-320)).isEqualTo("1e-320");
    assertThat(EcmaNumbers.format(fromHex("000000000c1069cd"))).isEqualTo("1e-315");
    assertThat(EcmaNumbers.format(1e-315)).isEqualTo("1e-315");
    assertThat(EcmaNumbers.format(1e-314)).isEqualTo("1e-314");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void format_should_reject_values_json_cannot_hold(double value) {
    assertThatThrownBy(() -> EcmaNumbers.format(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
  void format_of_a_float_should_reject_values_json_cannot_hold(float value) {
    assertThatThrownBy(() -> EcmaNumbers.format(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Go's encoding/json writes a float32 with the shortest decimal that reads back as that float32. */
  @ParameterizedTest(name = "{0}f -> {1}")
  @CsvSource({
    "0.1, 0.1",
    "1.5, 1.5",
    "16777216, 16777216",
    "3.4028235e38, 3.4028235e+38",
    "1.4e-45, 1e-45",
    "1e-7, 1e-7",
    "123456.7, 123456.7",
    "-2.5e-9, -2.5e-9",
  })
  void format_of_a_float_should_print_the_shortest_float_decimal(float value, String expected) {
    assertThat(EcmaNumbers.format(value)).isEqualTo(expected);
  }

  /** Every line of es6-numbers.txt, generated once with Node by gen-es6-numbers.js. */
  @Test
  void format_should_match_node_on_every_value_of_the_committed_fixture() throws IOException {
    List<String> lines = fixtureLines();
    List<String> mismatches = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      String actual = EcmaNumbers.format(fromHex(parts[0]));
      if (!actual.equals(parts[1])) {
        mismatches.add(parts[0] + ": expected " + parts[1] + " but was " + actual);
      }
    }
    assertThat(lines).hasSizeGreaterThan(5000);
    assertThat(mismatches).isEmpty();
  }

  /** The strict parser must read Node's strings back to the exact same bits. */
  @Test
  void json_parse_should_read_every_fixture_string_back_to_the_same_double() throws IOException {
    List<String> mismatches = new ArrayList<>();
    for (String line : fixtureLines()) {
      String[] parts = line.split(" ");
      double expected = fromHex(parts[0]);
      double parsed = Json.parse(parts[1]).doubleValue();
      if (Double.compare(parsed, expected == 0 ? 0.0 : expected) != 0) {
        mismatches.add(parts[1] + " parsed as " + parsed);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  static LongStream seeds() {
    return LongStream.of(1L, 20260214L, 0x5eedL, System.nanoTime());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void format_should_round_trip_random_bit_patterns(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 100_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        String text = EcmaNumbers.format(value);
        assertThat(Double.parseDouble(text)).as("%s from bits %x", text, Double.doubleToRawLongBits(value))
            .isEqualTo(value == 0 ? 0.0 : value);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void format_of_a_float_should_round_trip_random_bit_patterns(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 100_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (Float.isFinite(value)) {
        String text = EcmaNumbers.format(value);
        assertThat(Float.parseFloat(text)).as("%s", text).isEqualTo(value == 0 ? 0.0f : value);
      }
    }
  }

  static List<String> fixtureLines() throws IOException {
    try (InputStream in = EcmaNumbersTest.class.getResourceAsStream("/codec/es6-numbers.txt")) {
      assertThat(in).as("codec/es6-numbers.txt on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
  }

  static double fromHex(String bits) {
    return Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(bits));
  }
}
