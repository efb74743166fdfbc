package dev.wrkr.doctor;

import dev.wrkr.job.JobId;
import dev.wrkr.sign.JobpackSignature;
import dev.wrkr.sign.SigningKey;
import dev.wrkr.sign.SigningKeys;
import dev.wrkr.sign.TrustedKeys;
import java.nio.file.Path;
import java.util.Map;

/**
 * The check {@code signing_key}: {@code WRKR_SIGNING_KEY} names a key file that loads (owner-only
 * permissions, an Ed25519 pair) and signs a probe statement that then verifies. In memory only.
 */
final class SigningKeyCheck {
  static final String NAME = "signing_key";
  static final String ENV = "WRKR_SIGNING_KEY";

  private static final JobId PROBE_JOB = JobId.of("doctor_probe");
  private static final String PROBE_DIGEST = "0".repeat(64);

  private SigningKeyCheck() {}

  static DoctorCheck run(Map<String, String> env, Path cwd, boolean production) {
    String named = env.get(ENV);
    if (named == null || named.isBlank()) {
      return DoctorCheck.problem(production, NAME,
          ENV + " is not set: jobpacks are exported unsigned",
          "generate a key pair with `wrkr keys generate --out <prefix>` and set " + ENV
              + " to the .key file");
    }
    try {
      SigningKey key = SigningKeys.loadSigningKey(cwd.resolve(named));
      byte[] envelope = JobpackSignature.sign(PROBE_JOB, PROBE_DIGEST, key);
      JobpackSignature.verify(envelope, PROBE_JOB, PROBE_DIGEST, TrustedKeys.of(key.publicKey()));
      return DoctorCheck.pass(NAME, "key_id=" + key.keyId().value() + " signs and verifies");
    } catch (RuntimeException e) {
      return DoctorCheck.fail(NAME, ENV + " names an unusable key: " + e.getMessage(),
          "point " + ENV + " at a private key file from `wrkr keys generate` readable by its"
              + " owner only (chmod 600), or generate a new pair");
    }
  }
}
