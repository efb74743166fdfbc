package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.job.JobId;
import java.nio.file.Path;

/**
 * Fuzzes envelope reading with untrusted bytes: the only way out of {@code inspect} and {@code
 * verify} is a result or a {@link SignatureInvalidException}, never another exception, and {@code
 * verify} passes only for what the test-only key signed. Plain {@code mvn verify} runs it in
 * regression mode over the seeds in {@code JobpackSignatureFuzzTestInputs/}; set {@code
 * JAZZER_FUZZ=1} and run this class alone to fuzz, then commit any crashing input as a new seed.
 */
class JobpackSignatureFuzzTest {
  /** What the seed {@code signed} holds: the golden envelope's statement. */
  private static final JobId JOB = new JobId("job_20260101_demo");
  private static final String MANIFEST = "ab".repeat(32);
  private static final TrustedKeys TRUSTED =
      SigningKeys.loadTrustedKeys(Path.of("src/test/resources/sign/test-only.pub"));

  @FuzzTest
  void inspect_should_only_refuse_with_signature_invalid(byte[] input) {
    try {
      SignatureClaims claims = JobpackSignature.inspect(input);
      assertThat(claims.keyIds()).isNotEmpty();
    } catch (SignatureInvalidException refused) {
      assertRefusal(refused);
    }
  }

  @FuzzTest
  void verify_should_only_pass_what_the_trusted_key_signed(byte[] input) {
    try {
      VerifiedSignature verified = JobpackSignature.verify(input, JOB, MANIFEST, TRUSTED);
      assertThat(verified.keyId().value()).isEqualTo(TestKeys.FIXED_KEY_ID);
      assertThat(verified.manifestSha256()).isEqualTo(MANIFEST);
    } catch (SignatureInvalidException refused) {
      assertRefusal(refused);
    }
  }

  private static void assertRefusal(SignatureInvalidException refused) {
    assertThat(refused.code()).isEqualTo(ReasonCode.E_SIGNATURE_INVALID);
    assertThat(refused.getMessage()).isNotBlank();
    assertThat(refused.details()).containsKey("reason");
  }
}
