package dev.wrkr.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobRow;
import java.time.Duration;
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
    for (JobRow row : index.list(status.map(JobStatus::wire), limit)) {
      Optional<JobState> state = row.snapshot().flatMap(s -> decode(s.stateJson()));
      if (state.isEmpty() || state.get().lastAppliedSeq() != row.lastSeq()) {
        state = history.load(row.jobId());
      }
      JobState s = state.orElseThrow();
      out.add(new JobSummary(row.jobId().value(), s.status().wire(), row.createdAt(),
          Math.max(0, Duration.between(row.createdAt(), now).toSeconds()),
          s.lastCheckpoint().map(c -> new LastCheckpoint(c.id(), c.type(), c.summary()))));
    }
    return out;
  }

  private static Optional<JobState> decode(String json) {
    try {
      return Optional.of(Json.wire().readValue(json, JobState.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
