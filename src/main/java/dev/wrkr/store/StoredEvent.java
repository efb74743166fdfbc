package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.Objects;

/** An event as the ledger holds it. {@code payloadJson} is exactly the text that was appended. */
public record StoredEvent(JobId jobId, long seq, Instant createdAt, String type, String payloadJson) {
  public StoredEvent {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadJson, "payloadJson");
  }
}
