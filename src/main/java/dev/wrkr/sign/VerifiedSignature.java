package dev.wrkr.sign;

import dev.wrkr.job.JobId;
import java.util.Objects;

/**
 * A signature that verified: a trusted key signed this job's statement for this manifest.
 *
 * @param jobId the signed (and expected) job id
 * @param manifestSha256 the signed (and expected) manifest digest
 * @param keyId the trusted key whose signature verified
 */
public record VerifiedSignature(JobId jobId, String manifestSha256, KeyId keyId) {
  public VerifiedSignature {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    Objects.requireNonNull(keyId, "keyId");
  }
}
