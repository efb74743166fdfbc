package dev.wrkr.accept;

import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What the checks look at: the job's status response, checkpoints and approvals as documents (for
 * schema validity), the artifact deltas its checkpoints declared, and the latest recorded status
 * of each artifact a step digested ({@code present}, {@code missing}, …).
 */
public record AcceptInputs(
    JobId job,
    JsonNode status,
    List<JsonNode> checkpoints,
    List<JsonNode> approvals,
    List<JobEvent.ArtifactsDelta> deltas,
    SortedMap<String, String> recorded) {
  public AcceptInputs {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    checkpoints = List.copyOf(checkpoints);
    approvals = List.copyOf(approvals);
    deltas = List.copyOf(deltas);
    recorded = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(recorded)));
  }
}
