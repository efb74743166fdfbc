package dev.wrkr.sign;

import dev.wrkr.job.JobId;
import dev.wrkr.sign.SignatureInvalidException.Reason;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detached jobpack signatures: DSSE envelopes (https://github.com/secure-systems-lab/dsse) over a
 * statement binding a job id to its jobpack's {@code manifest_sha256}.
 *
 * <p>The envelope is written to {@link #fileName} beside the jobpack. Its {@code payloadType} is
 * {@value #PAYLOAD_TYPE}; its payload the RFC 8785 canonical JSON of {@code
 * {"job_id":…,"manifest_sha256":…,"schema_id":"wrkr.jobpack_signature_statement","schema_version":"v1"}};
 * each signature is Ed25519 over DSSE's PAE of type and payload, named by its {@link KeyId}. The
 * envelope itself is canonical JSON plus a newline, so the same statement signed with the same key
 * gives the same bytes.
 */
public final class JobpackSignature {
  /** The DSSE payload type of a jobpack signature statement. */
  public static final String PAYLOAD_TYPE = "application/vnd.wrkr.jobpack-signature+json";
  /** Envelopes larger than this many bytes are refused before parsing. */
  public static final int MAX_ENVELOPE_BYTES = Envelope.MAX_BYTES;

  private JobpackSignature() {}

  /** The name of the signature file of a job's jobpack: {@code jobpack_<job_id>.sig.json}. */
  public static String fileName(JobId jobId) {
    return "jobpack_" + jobId.value() + ".sig.json";
  }

  /**
   * Signs the statement "job {@code jobId}'s jobpack has manifest digest {@code manifestSha256}".
   *
   * @return the envelope's bytes, to write to {@link #fileName}
   * @throws IllegalArgumentException when {@code manifestSha256} is not 64 lower-case hex characters
   */
  public static byte[] sign(JobId jobId, String manifestSha256, SigningKey key) {
    byte[] payload = new SignatureStatement(jobId, manifestSha256).canonicalBytes();
    byte[] sig = key.sign(Pae.encode(PAYLOAD_TYPE, payload));
    return new Envelope(PAYLOAD_TYPE, payload, List.of(new Envelope.Entry(key.keyId(), sig))).toBytes();
  }

  /**
   * What an envelope claims, without verifying any signature.
   *
   * @throws SignatureInvalidException when the envelope is malformed, of another payload type, or
   *     its statement is malformed
   */
  public static SignatureClaims inspect(byte[] envelope) {
    Envelope parsed = parse(envelope);
    SignatureStatement statement = SignatureStatement.parse(parsed.payload());
    return new SignatureClaims(statement.jobId(), statement.manifestSha256(), keyIds(parsed));
  }

  /**
   * Verifies an envelope: at least one signature by a trusted key must verify over the PAE, and the
   * signed statement must name {@code expectedJobId} and {@code expectedManifestSha256}. The
   * statement is read only after a signature verified.
   *
   * @return which trusted key signed
   * @throws SignatureInvalidException otherwise, with {@code details.reason} one of {@code
   *     malformed_envelope}, {@code wrong_payload_type}, {@code untrusted_key}, {@code bad_signature},
   *     {@code malformed_statement}, {@code job_mismatch}, {@code manifest_mismatch}
   * @throws IllegalArgumentException when {@code expectedManifestSha256} is not 64 lower-case hex
   */
  public static VerifiedSignature verify(
      byte[] envelope, JobId expectedJobId, String expectedManifestSha256, TrustedKeys trusted) {
    SignatureStatement.requireDigest(expectedManifestSha256, "expectedManifestSha256");
    Envelope parsed = parse(envelope);
    KeyId signer = trustedSigner(parsed, trusted);
    SignatureStatement statement = SignatureStatement.parse(parsed.payload());
    if (!statement.jobId().equals(expectedJobId)) {
      throw new SignatureInvalidException(Reason.JOB_MISMATCH,
          "the signature is for job " + statement.jobId().value() + ", not " + expectedJobId.value()
              + ": it belongs to another jobpack",
          SignatureInvalidException.facts("key_id", signer.value(), "expected_job_id", expectedJobId.value(),
              "signed_job_id", statement.jobId().value()));
    }
    if (!statement.manifestSha256().equals(expectedManifestSha256)) {
      throw new SignatureInvalidException(Reason.MANIFEST_MISMATCH,
          "the signature is for manifest sha256 " + statement.manifestSha256() + ", but the jobpack's manifest is "
              + expectedManifestSha256 + ": the jobpack changed after it was signed",
          SignatureInvalidException.facts("key_id", signer.value(), "expected_manifest_sha256",
              expectedManifestSha256, "signed_manifest_sha256", statement.manifestSha256()));
    }
    return new VerifiedSignature(statement.jobId(), statement.manifestSha256(), signer);
  }

  private static Envelope parse(byte[] bytes) {
    Envelope envelope = Envelope.parse(bytes);
    if (!envelope.payloadType().equals(PAYLOAD_TYPE)) {
      throw new SignatureInvalidException(Reason.WRONG_PAYLOAD_TYPE,
          "not a jobpack signature: its payloadType is not " + PAYLOAD_TYPE,
          SignatureInvalidException.facts("expected_payload_type", PAYLOAD_TYPE));
    }
    return envelope;
  }

  /** The first trusted key whose signature verifies, or why there is none. */
  private static KeyId trustedSigner(Envelope envelope, TrustedKeys trusted) {
    byte[] pae = Pae.encode(envelope.payloadType(), envelope.payload());
    List<KeyId> failed = new ArrayList<>();
    for (Envelope.Entry entry : envelope.signatures()) {
      Optional<PublicKey> key = trusted.find(entry.keyId());
      if (key.isPresent()) {
        if (Ed25519.verify(key.get(), pae, entry.sig())) {
          return entry.keyId();
        }
        failed.add(entry.keyId());
      }
    }
    if (failed.isEmpty()) {
      throw new SignatureInvalidException(Reason.UNTRUSTED_KEY,
          "the jobpack is signed by " + keyIds(envelope) + ", none of them a trusted key"
              + " (trusted: " + trusted.keyIds() + "); add the signer's public key to the trusted keys if you trust it",
          SignatureInvalidException.facts("key_ids", SignatureInvalidException.ids(keyIds(envelope)),
              "trusted_key_ids", SignatureInvalidException.ids(trusted.keyIds())));
    }
    throw new SignatureInvalidException(Reason.BAD_SIGNATURE,
        "the signature by " + failed + " does not verify: the signature file was changed after signing",
        SignatureInvalidException.facts("key_ids", SignatureInvalidException.ids(failed)));
  }

  private static List<KeyId> keyIds(Envelope envelope) {
    return envelope.signatures().stream().map(Envelope.Entry::keyId).toList();
  }
}
