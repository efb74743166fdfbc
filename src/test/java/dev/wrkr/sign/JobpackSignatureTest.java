package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.job.JobId;
import dev.wrkr.sign.SignatureInvalidException.Reason;
import dev.wrkr.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.node.ObjectNode;

class JobpackSignatureTest {
  private static final JobId JOB = new JobId("job_20260101_demo");
  private static final String MANIFEST = "ab".repeat(32);
  private static final String OTHER_MANIFEST = "cd".repeat(32);
  private static final SigningKey KEY = SigningKey.generate();
  private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.publicKey());

  @Test
  void a_signed_statement_should_verify_with_the_trusted_key() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);

    VerifiedSignature verified = JobpackSignature.verify(envelope, JOB, MANIFEST, TRUSTED);

    assertThat(verified).isEqualTo(new VerifiedSignature(JOB, MANIFEST, KEY.keyId()));
  }

  @Test
  void signing_should_be_deterministic_and_match_the_golden_envelope() {
    SigningKey fixed = TestKeys.fixed();
    assertThat(fixed.keyId().value()).isEqualTo(TestKeys.FIXED_KEY_ID);

    byte[] first = JobpackSignature.sign(JOB, MANIFEST, fixed);
    byte[] second = JobpackSignature.sign(JOB, MANIFEST, TestKeys.fixed());

    assertThat(second).isEqualTo(first);
    Golden.assertMatches("sign/" + JobpackSignature.fileName(JOB), first);
    assertThat(JobpackSignature.verify(first, JOB, MANIFEST, TrustedKeys.of(fixed.publicKey())).keyId())
        .isEqualTo(fixed.keyId());
  }

  @Test
  void the_envelope_should_be_canonical_dsse_json_with_a_canonical_statement() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);
    String text = new String(envelope, StandardCharsets.UTF_8);

    assertThat(text).startsWith("{\"payload\":\"").contains("\"payloadType\":\"" + JobpackSignature.PAYLOAD_TYPE + "\"")
        .contains("\"signatures\":[{\"keyid\":\"" + KEY.keyId().value() + "\",\"sig\":\"").endsWith("\"}]}\n");
    assertThat(Envelopes.payloadText(envelope)).isEqualTo("{\"job_id\":\"job_20260101_demo\",\"manifest_sha256\":\""
        + MANIFEST + "\",\"schema_id\":\"wrkr.jobpack_signature_statement\",\"schema_version\":\"v1\"}");
    assertThat(Json.parse(envelope).get("signatures").get(0).get("sig").stringValue()).hasSize(88);
  }

  @Test
  void inspect_should_report_the_claims_without_trusting_them() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);

    assertThat(JobpackSignature.inspect(envelope)).isEqualTo(new SignatureClaims(JOB, MANIFEST, List.of(KEY.keyId())));
    byte[] forged = Envelopes.editSig(envelope, sig -> new byte[64]);
    assertThat(JobpackSignature.inspect(forged).keyIds()).containsExactly(KEY.keyId());
  }

  @Test
  void a_signature_by_an_untrusted_key_should_be_refused_naming_both_keys() {
    SigningKey stranger = SigningKey.generate();
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, stranger);

    SignatureInvalidException refused = refused(() -> JobpackSignature.verify(envelope, JOB, MANIFEST, TRUSTED),
        Reason.UNTRUSTED_KEY);

    assertThat(refused.details())
        .containsEntry("key_ids", List.of(stranger.keyId().value()))
        .containsEntry("trusted_key_ids", List.of(KEY.keyId().value()));
    assertThat(refused.getMessage()).contains(stranger.keyId().value(), "trusted");
  }

  @Test
  void a_signature_by_another_key_claiming_a_trusted_key_id_should_fail_the_signature() {
    byte[] byStranger = JobpackSignature.sign(JOB, MANIFEST, SigningKey.generate());
    byte[] claimed = Envelopes.edit(byStranger, tree -> first(tree).put("keyid", KEY.keyId().value()));

    refused(() -> JobpackSignature.verify(claimed, JOB, MANIFEST, TRUSTED), Reason.BAD_SIGNATURE);
  }

  @Test
  void a_signature_made_for_another_manifest_should_be_refused_as_a_manifest_mismatch() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);

    SignatureInvalidException refused = refused(
        () -> JobpackSignature.verify(envelope, JOB, OTHER_MANIFEST, TRUSTED), Reason.MANIFEST_MISMATCH);

    assertThat(refused.details()).containsEntry("key_id", KEY.keyId().value())
        .containsEntry("expected_manifest_sha256", OTHER_MANIFEST).containsEntry("signed_manifest_sha256", MANIFEST);
    assertThat(refused.getMessage()).contains("changed after it was signed");
  }

  @Test
  void a_signature_made_for_another_job_should_be_refused_as_a_job_mismatch() {
    byte[] envelope = JobpackSignature.sign(new JobId("other"), MANIFEST, KEY);

    SignatureInvalidException refused =
        refused(() -> JobpackSignature.verify(envelope, JOB, MANIFEST, TRUSTED), Reason.JOB_MISMATCH);

    assertThat(refused.details()).containsEntry("expected_job_id", JOB.value()).containsEntry("signed_job_id", "other");
  }

  @Test
  void a_changed_payload_should_fail_the_signature() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);
    byte[] changed = Envelopes.editPayload(envelope,
        payload -> new String(payload, StandardCharsets.UTF_8).replace(MANIFEST, OTHER_MANIFEST)
            .getBytes(StandardCharsets.UTF_8));

    SignatureInvalidException refused =
        refused(() -> JobpackSignature.verify(changed, JOB, OTHER_MANIFEST, TRUSTED), Reason.BAD_SIGNATURE);

    assertThat(refused.details()).containsEntry("key_ids", List.of(KEY.keyId().value()));
  }

  @Test
  void changed_signature_bytes_should_fail_the_signature() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);

    for (int i : new int[] {0, 31, 32, 63}) {
      byte[] changed = Envelopes.editSig(envelope, sig -> flip(sig, i));
      refused(() -> JobpackSignature.verify(changed, JOB, MANIFEST, TRUSTED), Reason.BAD_SIGNATURE);
    }
    byte[] shorter = Envelopes.editSig(envelope, sig -> Arrays.copyOf(sig, 63));
    refused(() -> JobpackSignature.verify(shorter, JOB, MANIFEST, TRUSTED), Reason.BAD_SIGNATURE);
  }

  @Test
  void a_second_signature_by_a_trusted_key_should_be_enough() {
    SigningKey stranger = SigningKey.generate();
    byte[] byStranger = JobpackSignature.sign(JOB, MANIFEST, stranger);
    byte[] byKey = JobpackSignature.sign(JOB, MANIFEST, KEY);
    byte[] both = Envelopes.edit(byStranger,
        tree -> tree.withArray("signatures").add(Json.parse(byKey).get("signatures").get(0)));

    assertThat(JobpackSignature.verify(both, JOB, MANIFEST, TRUSTED).keyId()).isEqualTo(KEY.keyId());
    assertThat(JobpackSignature.inspect(both).keyIds()).containsExactly(stranger.keyId(), KEY.keyId());
  }

  @Test
  void a_signature_replayed_under_another_payload_type_should_be_refused() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);
    byte[] retyped = Envelopes.edit(envelope, tree -> tree.put("payloadType", "application/vnd.in-toto+json"));

    refused(() -> JobpackSignature.verify(retyped, JOB, MANIFEST, TRUSTED), Reason.WRONG_PAYLOAD_TYPE);
    refused(() -> JobpackSignature.inspect(retyped), Reason.WRONG_PAYLOAD_TYPE);
  }

  @Test
  void malformed_envelopes_should_be_refused_as_malformed() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);
    String sig = Json.parse(envelope).get("signatures").get(0).get("sig").stringValue();
    List<byte[]> malformed = List.of(
        Arrays.copyOf(envelope, envelope.length / 2),
        new byte[0],
        "[]".getBytes(StandardCharsets.UTF_8),
        "null".getBytes(StandardCharsets.UTF_8),
        Envelopes.edit(envelope, tree -> tree.putArray("signatures")),
        Envelopes.edit(envelope, tree -> tree.remove("signatures")),
        Envelopes.edit(envelope, tree -> tree.put("extra", true)),
        Envelopes.edit(envelope, tree -> tree.put("payload", "not base64!")),
        Envelopes.edit(envelope, tree -> tree.put("payload", tree.get("payload").stringValue().replace("=", ""))),
        Envelopes.edit(envelope, tree -> tree.put("payloadType", 7)),
        Envelopes.edit(envelope, tree -> first(tree).put("sig", sig.substring(0, 86))),
        Envelopes.edit(envelope, tree -> first(tree).put("sig", sig.substring(0, 85) + "B==")),
        Envelopes.edit(envelope, tree -> first(tree).put("keyid", "KEY")),
        Envelopes.edit(envelope, tree -> first(tree).remove("keyid")),
        Envelopes.edit(envelope, tree -> tree.withArray("signatures").add("x")),
        Envelopes.edit(envelope, tree -> {
          for (int i = 0; i < Envelope.MAX_SIGNATURES; i++) {
            tree.withArray("signatures").add(first(tree).deepCopy());
          }
        }),
        ("{\"payloadType\":\"a\",\"payloadType\":\"b\"}").getBytes(StandardCharsets.UTF_8),
        new byte[] {'{', (byte) 0xff, '}'});

    for (byte[] bytes : malformed) {
      SignatureInvalidException refused =
          refused(() -> JobpackSignature.verify(bytes, JOB, MANIFEST, TRUSTED), Reason.MALFORMED_ENVELOPE);
      assertThat(refused.getMessage()).startsWith("not a jobpack signature envelope: ");
      refused(() -> JobpackSignature.inspect(bytes), Reason.MALFORMED_ENVELOPE);
    }
  }

  @Test
  void a_huge_envelope_should_be_refused_before_parsing() {
    byte[] huge = new byte[JobpackSignature.MAX_ENVELOPE_BYTES + 1];
    Arrays.fill(huge, (byte) '[');

    SignatureInvalidException refused =
        refused(() -> JobpackSignature.verify(huge, JOB, MANIFEST, TRUSTED), Reason.MALFORMED_ENVELOPE);

    assertThat(refused.details()).containsEntry("limit", JobpackSignature.MAX_ENVELOPE_BYTES);
    assertThat(refused.getMessage()).contains("larger than");
  }

  @Test
  void a_signed_payload_that_is_not_a_statement_should_be_refused_after_the_signature_checks() {
    for (String payload : List.of("{}", "[1]", "{\"schema_id\":\"wrkr.jobpack_signature_statement\","
        + "\"schema_version\":\"v1\",\"job_id\":\"../x\",\"manifest_sha256\":\"" + MANIFEST + "\"}")) {
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      byte[] sig = KEY.sign(Pae.encode(JobpackSignature.PAYLOAD_TYPE, bytes));
      byte[] envelope = new Envelope(JobpackSignature.PAYLOAD_TYPE, bytes, List.of(new Envelope.Entry(KEY.keyId(), sig)))
          .toBytes();

      refused(() -> JobpackSignature.verify(envelope, JOB, MANIFEST, TRUSTED), Reason.MALFORMED_STATEMENT);
      refused(() -> JobpackSignature.inspect(envelope), Reason.MALFORMED_STATEMENT);
    }
  }

  @Test
  void an_expected_digest_that_is_not_sha256_hex_is_a_caller_bug() {
    byte[] envelope = JobpackSignature.sign(JOB, MANIFEST, KEY);

    assertThatThrownBy(() -> JobpackSignature.verify(envelope, JOB, MANIFEST.toUpperCase(), TRUSTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobpackSignature.sign(JOB, "abc", KEY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_signature_file_should_sit_beside_the_jobpack() {
    assertThat(JobpackSignature.fileName(JOB)).isEqualTo("jobpack_job_20260101_demo.sig.json");
  }

  private static ObjectNode first(ObjectNode tree) {
    return (ObjectNode) tree.get("signatures").get(0);
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 1;
    return copy;
  }

  static SignatureInvalidException refused(ThrowingCallable call, Reason reason) {
    SignatureInvalidException refused = catchThrowableOfType(SignatureInvalidException.class, call);
    assertThat(refused).as("expected a %s refusal", reason.wire()).isNotNull();
    assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
    assertThat(refused.code()).isEqualTo(ReasonCode.E_SIGNATURE_INVALID);
    assertThat(refused.code().exitCode()).isEqualTo(2);
    assertThat(refused.details()).containsEntry("reason", reason.wire());
    assertThat(refused.details().keySet()).first().isEqualTo("reason");
    return refused;
  }
}
