package dev.wrkr.jobpack;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.sign.JobpackSignature;
import dev.wrkr.sign.KeyId;
import dev.wrkr.sign.SignatureClaims;
import dev.wrkr.sign.SigningKeys;
import dev.wrkr.sign.TrustedKeys;
import dev.wrkr.sign.VerifiedSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobpack signatures live in a detached DSSE envelope beside the zip,
 * {@code jobpack_<job_id>.sig.json}: the zip stays byte-identical signed or not, and Wrkr's
 * verify, which rejects any undeclared entry, still accepts it. Key material never reaches a
 * message or a log: only key ids do.
 */
public final class JobpackSigning {
  /** Environment variable naming the private key file {@code export} signs with by default. */
  public static final String KEY_ENV = "WRKR_SIGNING_KEY";

  private JobpackSigning() {}

  /** A written signature. */
  public record Signed(Path path, String keyId) {}

  /** What {@code verify} says about a jobpack's signature. */
  public record Status(boolean present, boolean verified, List<String> keyIds, Optional<String> path) {
    static Status none() {
      return new Status(false, false, List.of(), Optional.empty());
    }
  }

  /** The signature file of the jobpack at {@code zip}. */
  public static Path signaturePath(Path zip) {
    String name = zip.getFileName().toString();
    String base = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    return zip.resolveSibling(base + ".sig.json");
  }

  /** {@code --sign} when given, else {@code $WRKR_SIGNING_KEY} when set, relative to {@code cwd}. */
  public static Optional<Path> keyFile(Optional<String> flag, Map<String, String> env, Path cwd) {
    Optional<String> named = flag.or(() -> Optional.ofNullable(env.get(KEY_ENV)).filter(s -> !s.isBlank()));
    return named.map(cwd::resolve);
  }

  /** Signs the jobpack's manifest digest and writes the envelope beside the zip (atomically). */
  public static Signed sign(Path zip, String jobId, String manifestSha256, Path keyFile) {
    var key = SigningKeys.loadSigningKey(keyFile);
    byte[] envelope = JobpackSignature.sign(JobId.of(jobId), manifestSha256, key);
    Path target = signaturePath(zip);
    try {
      Path tmp = Files.createTempFile(target.getParent(), ".sig-", ".tmp");
      try {
        Files.write(tmp, envelope);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "cannot write signature " + target + ": " + e.getMessage(),
          Map.of("path", target.toString()), e);
    }
    return new Signed(target, key.keyId().value());
  }

  /**
   * The signature of a verified jobpack. With trusted keys it must verify (else
   * {@code E_SIGNATURE_INVALID}, also when there is no signature at all); without, it is only
   * reported: present or not, and by which key ids.
   */
  public static Status check(Path zip, JobpackVerifier.Verified verified, List<Path> trustedKeyFiles) {
    Path sig = signaturePath(zip);
    if (!Files.isRegularFile(sig)) {
      if (!trustedKeyFiles.isEmpty()) {
        throw new WrkrException(ReasonCode.E_SIGNATURE_INVALID,
            "jobpack is not signed: no " + sig.getFileName() + " beside it",
            Map.of("reason", "missing_signature", "path", sig.toString()));
      }
      return Status.none();
    }
    byte[] envelope = read(sig);
    if (trustedKeyFiles.isEmpty()) {
      SignatureClaims claims = JobpackSignature.inspect(envelope);
      return new Status(true, false, claims.keyIds().stream().map(KeyId::value).toList(), Optional.of(sig.toString()));
    }
    List<java.security.PublicKey> keys = new ArrayList<>();
    for (Path f : trustedKeyFiles) {
      TrustedKeys t = SigningKeys.loadTrustedKeys(f);
      t.keyIds().forEach(id -> t.find(id).ifPresent(keys::add));
    }
    VerifiedSignature v = JobpackSignature.verify(envelope, JobId.of(verified.jobId()), verified.manifestSha256(),
        TrustedKeys.of(keys));
    return new Status(true, true, List.of(v.keyId().value()), Optional.of(sig.toString()));
  }

  private static byte[] read(Path sig) {
    try (InputStream in = Files.newInputStream(sig)) {
      byte[] bytes = in.readNBytes(JobpackSignature.MAX_ENVELOPE_BYTES + 1);
      if (bytes.length > JobpackSignature.MAX_ENVELOPE_BYTES) {
        throw new WrkrException(ReasonCode.E_SIGNATURE_INVALID, "signature file is larger than any signature",
            Map.of("reason", "malformed_envelope", "path", sig.toString()));
      }
      return bytes;
    } catch (IOException e) {
      throw new WrkrException(ReasonCode.E_SIGNATURE_INVALID, "cannot read signature " + sig + ": " + e.getMessage(),
          Map.of("reason", "unreadable", "path", sig.toString()), e);
    }
  }
}
