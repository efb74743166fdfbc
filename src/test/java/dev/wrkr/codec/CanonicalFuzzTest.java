package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the strict parser and both writers with untrusted bytes. Plain {@code mvn verify} runs it
 * in regression mode over the seeds in {@code CanonicalFuzzTestInputs/}; set {@code JAZZER_FUZZ=1}
 * and run this class alone to fuzz, then commit any crashing input as a new seed.
 */
class CanonicalFuzzTest {

  @FuzzTest
  void parse_then_canonicalize_should_only_reject_with_json_format_exception(byte[] input) {
    JsonNode tree;
    try {
      tree = Json.parse(input);
    } catch (JsonFormatException rejected) {
      return;
    }
    byte[] canonical = Canonical.canonicalize(tree);
    assertThat(Canonical.canonicalize(Json.parse(canonical))).isEqualTo(canonical);
    assertThat(RandomJson.sameJson(Json.parse(GoJson.compact(tree)), tree)).isTrue();
  }
}
