package dev.wrkr.dispatch;

import dev.wrkr.accept.AcceptConfig;
import dev.wrkr.accept.AcceptInputs;
import dev.wrkr.accept.Acceptance;
import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code accept run}: checks a job of any status against an acceptance config and records the
 * result in its ledger ({@code accept_recorded}), so the next jobpack carries it. The job's status
 * never changes.
 */
public final class AcceptService {
  private final JobHistory history;
  private final StatusService status;
  private final Acceptance acceptance;
  private final String producerVersion;

  public AcceptService(JobHistory history, StatusService status, Acceptance acceptance, String producerVersion) {
    this.history = history;
    this.status = status;
    this.acceptance = acceptance;
    this.producerVersion = producerVersion;
  }

  /**
   * Runs the checks (commands in {@code workingDir}, their logs in {@code logDir}) and appends the
   * result; {@code E_INVALID_INPUT_SCHEMA} "job not found" for an unknown job.
   */
  public Acceptance.Outcome run(JobId job, AcceptConfig config, Path workingDir, Path logDir) {
    Acceptance.Outcome outcome = acceptance.run(inputs(job), config, workingDir, logDir);
    history.update(job, state -> List.of(new JobEvent.AcceptRecorded(outcome.result())));
    return outcome;
  }

  private AcceptInputs inputs(JobId job) {
    JsonNode statusDoc = Json.tree(status.status(job));
    List<JsonNode> checkpoints = new ArrayList<>();
    List<JsonNode> approvals = new ArrayList<>();
    List<JobEvent.ArtifactsDelta> deltas = new ArrayList<>();
    SortedMap<String, String> recorded = new TreeMap<>();
    for (JobHistory.RecordedEvent e : history.events(job)) {
      switch (e.event()) {
        case JobEvent.CheckpointEmitted c -> {
          checkpoints.add(Json.tree(Checkpoint.of(job.value(), e.seq(), e.at(), c, producerVersion)));
          deltas.add(c.artifactsDelta());
        }
        case JobEvent.ApprovalRecorded a -> approvals.add(Json.tree(ApprovalRecord.of(a)));
        case JobEvent.ArtifactsRecorded r -> r.artifacts().forEach(a -> recorded.put(a.path(), a.status()));
        default -> {}
      }
    }
    return new AcceptInputs(job, statusDoc, checkpoints, approvals, deltas, recorded);
  }
}
