package dev.wrkr.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.budget.Usage;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobRow;
import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code jobs}: the jobs in the store with status, age and last checkpoint, from the index. */
public final class JobsService {
  private final JobHistory history;
  private final JobIndex index;
  private final InstantSource clock;

  JobsService(JobHistory history, JobIndex index, InstantSource clock) {
    this.history = history;
    this.index = index;
    this.clock = clock;
  }

  /** One job in a listing. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record JobSummary(String jobId, String status, Instant createdAt, long ageSeconds,
      Optional<LastCheckpoint> lastCheckpoint) {}

  /** The latest checkpoint of a listed job. */
  public record LastCheckpoint(String checkpointId, String type, String summary) {}

  /** Jobs ordered by id, optionally only those with {@code status}; at most {@code limit}. */
  public List<JobSummary> list(Optional<JobStatus> status, int limit) {
    Instant now = clock.instant();
    List<JobSummary> out = new ArrayList<>();
    // The status filter runs here, not in the index: the index knows statuses only from snapshots,
    // which are caches and may be gone (JobsCommandTest).
    for (JobRow row : index.list(Optional.empty(), Integer.MAX_VALUE)) {
      if (out.size() >= limit) {
        break;
      }
      Listed listed = row.snapshot()
          .flatMap(s -> fromSnapshot(s.stateJson(), row.lastSeq()))
          .orElseGet(() -> fromState(history.load(row.jobId()).orElseThrow()));
      if (status.isPresent() && !status.get().wire().equals(listed.status())) {
        continue;
      }
      out.add(new JobSummary(row.jobId().value(), listed.status(), row.createdAt(),
          Usage.elapsedSeconds(row.createdAt(), now), listed.lastCheckpoint()));
    }
    return out;
  }

  /** What a listing shows of a job's state. */
  private record Listed(String status, Optional<LastCheckpoint> lastCheckpoint) {}

  /**
   * Reads just the two fields a listing shows from a snapshot, as a JSON tree: binding the whole
   * state for every one of thousands of jobs was most of {@code jobs}' time (docs/performance.md).
   * Empty when the snapshot is stale or unreadable; the caller folds the ledger instead.
   */
  private static Optional<Listed> fromSnapshot(String json, long lastSeq) {
    try {
      JsonNode state = Json.wire().readTree(json);
      if (state.path("last_applied_seq").asLong(-1) != lastSeq || !state.path("status").isString()) {
        return Optional.empty();
      }
      JsonNode cp = state.path("last_checkpoint");
      Optional<LastCheckpoint> last = cp.isObject()
          ? Optional.of(new LastCheckpoint("cp_" + cp.path("seq").asLong(), cp.path("type").asString(""),
              cp.path("summary").asString("")))
          : Optional.empty();
      return Optional.of(new Listed(state.path("status").asString(), last));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Listed fromState(JobState s) {
    return new Listed(s.status().wire(), s.lastCheckpoint().map(c -> new LastCheckpoint(c.id(), c.type(), c.summary())));
  }
}
