package dev.wrkr.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.job.JobEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code wrkr.checkpoint}: a structured supervisory interrupt as commands and jobpacks show it
 * (reference §5.2). Its id is {@code cp_<seq>}, the sequence number of the event that recorded it.
 */
public record Checkpoint(
    String schemaId,
    String schemaVersion,
    Instant createdAt,
    String producerVersion,
    String checkpointId,
    String jobId,
    String type,
    String summary,
    String status,
    JobEvent.BudgetState budgetState,
    JobEvent.ArtifactsDelta artifactsDelta,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<JobEvent.RequiredAction> requiredAction,
    List<String> reasonCodes) {
  public static final String SCHEMA_ID = "wrkr.checkpoint";

  /** The five checkpoint types, in lifecycle order. */
  public static final List<String> TYPES =
      List.of("plan", "progress", "decision-needed", "blocked", "completed");

  public Checkpoint {
    reasonCodes = List.copyOf(reasonCodes);
  }

  /** The view of the {@code checkpoint_emitted} event at {@code seq}. */
  public static Checkpoint of(
      String jobId, long seq, Instant at, JobEvent.CheckpointEmitted e, String producerVersion) {
    return new Checkpoint(
        SCHEMA_ID, "v1", at, producerVersion, "cp_" + seq, jobId, e.checkpointType(), e.summary(),
        e.status().wire(), e.budgetState(), e.artifactsDelta(), e.requiredAction(), e.reasonCodes());
  }
}
