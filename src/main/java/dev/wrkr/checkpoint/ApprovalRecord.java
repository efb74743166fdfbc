package dev.wrkr.checkpoint;

import dev.wrkr.job.JobEvent;
import java.time.Instant;

/**
 * {@code wrkr.approval_record}: who approved which decision-needed checkpoint, and why
 * (reference §5.5). Repeated approvals are all kept.
 */
public record ApprovalRecord(
    String schemaId,
    String schemaVersion,
    Instant createdAt,
    String producerVersion,
    String jobId,
    String checkpointId,
    String reason,
    String approvedBy) {
  public static final String SCHEMA_ID = "wrkr.approval_record";

  /** The record an {@code approval_recorded} event holds. */
  public static ApprovalRecord of(JobEvent.ApprovalRecorded e) {
    return new ApprovalRecord(
        e.schemaId(), e.schemaVersion(), e.createdAt(), e.producerVersion(), e.jobId(),
        e.checkpointId(), e.reason(), e.approvedBy());
  }
}
