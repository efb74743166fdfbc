package dev.wrkr.job;

import static dev.wrkr.job.JobStatus.BLOCKED_BUDGET;
import static dev.wrkr.job.JobStatus.BLOCKED_DECISION;
import static dev.wrkr.job.JobStatus.BLOCKED_ERROR;
import static dev.wrkr.job.JobStatus.CANCELED;
import static dev.wrkr.job.JobStatus.COMPLETED;
import static dev.wrkr.job.JobStatus.PAUSED;
import static dev.wrkr.job.JobStatus.QUEUED;
import static dev.wrkr.job.JobStatus.RUNNING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The job status machine as data (reference §5.1): the one place that says which moves are legal.
 * A same-state move is illegal, and nothing leaves a terminal status.
 */
public final class Transitions {
  /** One legal move. */
  public record Transition(JobStatus from, JobStatus to) {}

  private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

  static {
    allow(QUEUED, RUNNING, CANCELED);
    allow(RUNNING, PAUSED, BLOCKED_DECISION, BLOCKED_BUDGET, BLOCKED_ERROR, COMPLETED, CANCELED);
    allow(PAUSED, RUNNING, BLOCKED_ERROR, CANCELED);
    allow(BLOCKED_DECISION, RUNNING, BLOCKED_ERROR, CANCELED);
    allow(BLOCKED_BUDGET, RUNNING, BLOCKED_ERROR, CANCELED);
    allow(BLOCKED_ERROR, RUNNING, CANCELED);
    allow(COMPLETED);
    allow(CANCELED);
  }

  private Transitions() {}

  private static void allow(JobStatus from, JobStatus... to) {
    Set<JobStatus> targets = EnumSet.noneOf(JobStatus.class);
    targets.addAll(java.util.List.of(to));
    ALLOWED.put(from, java.util.Collections.unmodifiableSet(targets));
  }

  public static boolean allowed(JobStatus from, JobStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Throws {@link InvalidTransitionException} unless {@code from -> to} is in the table. */
  public static void check(JobStatus from, JobStatus to) {
    if (!allowed(from, to)) {
      throw new InvalidTransitionException(from, to);
    }
  }

  /** Every legal move, in table order. */
  public static Set<Transition> all() {
    Set<Transition> all = new LinkedHashSet<>();
    ALLOWED.forEach((from, targets) -> targets.forEach(to -> all.add(new Transition(from, to))));
    return all;
  }
}
