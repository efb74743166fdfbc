package dev.wrkr.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.budget.Usage;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobListing;
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

  public JobsService(JobHistory history, JobIndex index, InstantSource clock) {
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
    // which are caches and may be gone or stale; those jobs are folded (JobsCommandTest).
    for (JobListing row : index.listings(Integer.MAX_VALUE)) {
      if (out.size() >= limit) {
        break;
      }
      Listed listed = row.current()
          .map(JobsService::fromIndex)
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
   * From the index columns written with the snapshot: decoding thousands of snapshots was most of
   * {@code jobs}' time (docs/performance.md).
   */
  private static Listed fromIndex(JobListing.Summary s) {
    return new Listed(s.status(),
        s.lastCheckpoint().map(c -> new LastCheckpoint("cp_" + c.seq(), c.type(), c.summary())));
  }

  private static Listed fromState(JobState s) {
    return new Listed(s.status().wire(), s.lastCheckpoint().map(c -> new LastCheckpoint(c.id(), c.type(), c.summary())));
  }
}
