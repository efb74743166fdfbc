package dev.wrkr.sign;

import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Objects;

/**
 * What a signature envelope claims, read without verifying anything: for reports such as
 * "signature present, by key X". Never a reason to trust the jobpack; use {@link
 * JobpackSignature#verify} for that.
 *
 * @param jobId the job the statement names
 * @param manifestSha256 the manifest digest the statement names (64 lower-case hex)
 * @param keyIds the key ids of the signatures, in envelope order
 */
public record SignatureClaims(JobId jobId, String manifestSha256, List<KeyId> keyIds) {
  public SignatureClaims {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    keyIds = List.copyOf(keyIds);
  }
}
