package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.List;

/**
 * Removes old finished jobs from the store ({@code wrkr store prune}). A job is prunable when its
 * current snapshot (the one at its last event) says {@code completed} or {@code canceled}, its
 * last event is older than the cut-off, and no unreleased, unexpired lease is held on it. Running,
 * queued, paused and blocked jobs are never prunable.
 */
public interface Retention {
  /**
   * Prunable jobs whose last event was created before {@code olderThan} and that hold no lease live
   * at {@code now}, ordered by id. What a dry run reports; {@link #deleteIfStillPrunable} checks
   * again, because either may change before the delete.
   */
  List<PruneCandidate> candidates(Instant olderThan, Instant now);

  /**
   * Deletes the job's events, lease row and job row in one transaction, only if the job is still
   * at {@code expectedLastSeq}, still terminal, and holds no lease live at {@code now}. An expected
   * race (a new event, a new lease) is {@code false}, never an exception.
   */
  boolean deleteIfStillPrunable(JobId job, long expectedLastSeq, Instant now);
}
