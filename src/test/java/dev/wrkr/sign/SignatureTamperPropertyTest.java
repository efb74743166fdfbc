package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.wrkr.job.JobId;
import dev.wrkr.sign.SignatureInvalidException.Reason;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: no single change to a signed envelope verifies. Seeded; the seed is in the test name
 * and in every failure message, so a failing case replays with {@code new Random(seed)}.
 */
class SignatureTamperPropertyTest {
  private static final int CHANGES_PER_SEED = 40;
  private static final SigningKey KEY = SigningKey.generate();
  private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.publicKey());

  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_flipped_bit_in_the_payload_or_the_signature_should_always_fail_the_signature(long seed) {
    Random random = new Random(seed);
    Signed signed = Signed.random(random);
    for (int i = 0; i < CHANGES_PER_SEED; i++) {
      boolean payload = random.nextBoolean();
      int bit = random.nextInt(8);
      byte[] changed = payload
          ? Envelopes.editPayload(signed.envelope, bytes -> flip(bytes, random.nextInt(bytes.length), bit))
          : Envelopes.editSig(signed.envelope, bytes -> flip(bytes, random.nextInt(bytes.length), bit));

      assertRefused(seed, signed, changed, Reason.BAD_SIGNATURE);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void any_changed_byte_of_the_envelope_json_should_be_refused(long seed) {
    Random random = new Random(seed);
    Signed signed = Signed.random(random);
    // The trailing newline is left alone: white space after the JSON value does not change its meaning.
    int jsonLength = signed.envelope.length - 1;
    for (int i = 0; i < CHANGES_PER_SEED; i++) {
      byte[] changed = signed.envelope.clone();
      int at = random.nextInt(jsonLength);
      changed[at] = (byte) (changed[at] + 1 + random.nextInt(255));

      assertRefused(seed, signed, changed, null);
    }
  }

  private static void assertRefused(long seed, Signed signed, byte[] changed, Reason expected) {
    Throwable thrown = catchThrowable(() -> JobpackSignature.verify(changed, signed.jobId, signed.manifest, TRUSTED));

    assertThat(thrown).as("seed %d: a changed envelope must not verify", seed)
        .isInstanceOf(SignatureInvalidException.class);
    if (expected != null) {
      assertThat(((SignatureInvalidException) thrown).reason()).as("seed %d", seed).isEqualTo(expected);
    }
  }

  private static byte[] flip(byte[] bytes, int index, int bit) {
    byte[] copy = bytes.clone();
    copy[index] ^= (byte) (1 << bit);
    return copy;
  }

  private record Signed(JobId jobId, String manifest, byte[] envelope) {
    static Signed random(Random random) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      JobId jobId = new JobId("job_" + Long.toUnsignedString(random.nextLong(), 36));
      String manifest = HexFormat.of().formatHex(digest);
      byte[] envelope = JobpackSignature.sign(jobId, manifest, KEY);
      assertThat(JobpackSignature.verify(envelope, jobId, manifest, TRUSTED).keyId()).isEqualTo(KEY.keyId());
      return new Signed(jobId, manifest, envelope);
    }
  }
}
