package dev.wrkr.dispatch;

import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.job.Transitions;
import java.util.List;

/**
 * {@code pause} and {@code cancel}: status changes recorded in the ledger. A runner working on the
 * job sees them at its next append: after a pause it records the step in flight and stops at the
 * step boundary; after a cancel its lease keeper notices within a poll interval and terminates the
 * step's whole process group; a step left running by a worker that died is stopped by the cancel
 * itself. Illegal moves fail with {@code E_INVALID_STATE_TRANSITION}.
 */
public final class LifecycleService {
  private final JobHistory history;
  private final LeasedExecution execution;

  LifecycleService(JobHistory history, LeasedExecution execution) {
    this.history = history;
    this.execution = execution;
  }

  public JobState pause(JobId job) {
    return move(job, JobStatus.PAUSED);
  }

  public JobState cancel(JobId job) {
    JobState canceled = move(job, JobStatus.CANCELED);
    execution.stopAbandonedStep(job);
    return canceled;
  }

  private JobState move(JobId job, JobStatus to) {
    return history.update(job, s -> {
      Transitions.check(s.status(), to);
      return List.of(new JobEvent.StatusChanged(s.status(), to));
    });
  }
}
