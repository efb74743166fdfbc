package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One job in the index: its ledger position, when it was created, and its cached snapshot. */
public record JobRow(JobId jobId, long lastSeq, Instant createdAt, Optional<JobSnapshot> snapshot) {
  public JobRow {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
