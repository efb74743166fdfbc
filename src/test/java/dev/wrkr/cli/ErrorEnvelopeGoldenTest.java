package dev.wrkr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.GoJson;
import dev.wrkr.codec.Json;
import dev.wrkr.failure.ErrorEnvelope;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The error envelope and the code → exit mapping, byte for byte. */
class ErrorEnvelopeGoldenTest {
  /** Wrkr's core/errors/testdata/golden/invalid_input.json, as quoted in reference §2.2. */
  private static final String REFERENCE_GOLDEN =
      """
      {
        "schema_id": "wrkr.error_envelope",
        "schema_version": "v1",
        "created_at": "2026-02-13T00:00:00Z",
        "producer_version": "dev",
        "code": "E_INVALID_INPUT_SCHEMA",
        "message": "invalid jobspec",
        "exit_code": 6,
        "details": {
          "field": "name"
        }
      }
      """;

  @Test
  void envelope_should_match_wrkrs_golden_byte_for_byte() {
    WrkrException e = new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "invalid jobspec", Map.of("field", "name"));
    String json = GoJson.pretty(Json.wire().valueToTree(ErrorEnvelope.of(e, CliHarness.FIXED, "dev")));
    assertThat(json).isEqualTo(REFERENCE_GOLDEN);
  }

  @Test
  void text_form_should_be_code_colon_message_or_just_the_code() {
    assertThat(render(new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "invalid jobspec"), false).err)
        .isEqualTo("E_INVALID_INPUT_SCHEMA: invalid jobspec\n");
    assertThat(render(new WrkrException(ReasonCode.E_LEASE_CONFLICT, ""), false).err).isEqualTo("E_LEASE_CONFLICT\n");
  }

  @Test
  void a_foreign_exception_should_be_a_generic_failure_with_its_plain_text() {
    Rendered text = render(new IllegalStateException("disk on fire"), false);
    assertThat(text.exit).isEqualTo(1);
    assertThat(text.err).isEqualTo("disk on fire\n");
    Rendered json = render(new IllegalStateException("disk on fire"), true);
    assertThat(Json.parse(json.err).get("code").asString()).isEqualTo("E_GENERIC_FAILURE");
    assertThat(Json.parse(json.err).has("details")).isFalse();
  }

  @Test
  void exit_codes_should_be_wrkrs_plus_ours() {
    Map<ReasonCode, Integer> expected = new LinkedHashMap<>();
    expected.put(ReasonCode.E_GENERIC_FAILURE, 1);
    expected.put(ReasonCode.E_BUDGET_EXCEEDED, 1);
    expected.put(ReasonCode.E_ADAPTER_FAIL, 1);
    expected.put(ReasonCode.E_CHECKPOINT_APPROVAL_REQUIRED, 4);
    expected.put(ReasonCode.E_ACCEPT_MISSING_ARTIFACT, 5);
    expected.put(ReasonCode.E_ACCEPT_TEST_FAIL, 5);
    expected.put(ReasonCode.E_ACCEPT_LINT_FAIL, 5);
    expected.put(ReasonCode.E_VERIFY_HASH_MISMATCH, 2);
    expected.put(ReasonCode.E_STORE_CORRUPT, 1);
    expected.put(ReasonCode.E_ENV_FINGERPRINT_MISMATCH, 1);
    expected.put(ReasonCode.E_LEASE_CONFLICT, 1);
    expected.put(ReasonCode.E_INVALID_STATE_TRANSITION, 1);
    expected.put(ReasonCode.E_INVALID_INPUT_SCHEMA, 6);
    expected.put(ReasonCode.E_UNSAFE_OPERATION, 8);
    expected.put(ReasonCode.E_STORE_UNAVAILABLE, 1);
    expected.put(ReasonCode.E_SIGNATURE_INVALID, 2);
    expected.put(ReasonCode.E_JOBPACK_INVALID, 2);
    assertThat(ReasonCode.values()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((code, exit) -> assertThat(code.exitCode()).as(code.name()).isEqualTo(exit));
  }

  @ParameterizedTest
  @EnumSource(ReasonCode.class)
  void every_code_should_render_its_golden_envelope_and_text(ReasonCode code) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("job_id", "job_1");
    details.put("seq", 12L);
    WrkrException e = new WrkrException(code, "sample failure <for> " + code.name() + " & co", details);
    Rendered json = render(e, true);
    Rendered text = render(e, false);
    assertThat(json.exit).isEqualTo(code.exitCode());
    assertThat(text.exit).isEqualTo(code.exitCode());
    Golden.assertMatches("envelopes/" + code.name() + ".json", json.err);
    Golden.assertMatches("envelopes/" + code.name() + ".txt", text.err);
    assertThat(Schemas.standard().validate(SchemaId.ERROR_ENVELOPE, Json.parse(json.err))).isEmpty();
  }

  private record Rendered(int exit, String err) {}

  private static Rendered render(RuntimeException e, boolean json) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io =
        new Io(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(), Path.of("."), InstantSource.fixed(CliHarness.FIXED),
            s -> {
              throw new AssertionError("no services");
            });
    int exit = new Output(io, json, "dev").failure(e);
    return new Rendered(exit, err.toString(StandardCharsets.UTF_8));
  }
}
