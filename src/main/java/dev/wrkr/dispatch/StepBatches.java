package dev.wrkr.dispatch;

import dev.wrkr.budget.Violation;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvent.AdapterStep;
import dev.wrkr.job.JobEvent.ArtifactsDelta;
import dev.wrkr.job.JobEvent.CheckpointEmitted;
import dev.wrkr.job.JobEvent.CountersUpdated;
import dev.wrkr.job.JobEvent.RequiredAction;
import dev.wrkr.job.JobEvent.StatusChanged;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.process.LogRefs;
import dev.wrkr.spec.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event batches the runner appends, one per decision, so each is recorded atomically: a step
 * is "recorded done" exactly when its batch (adapter_step, counters, checkpoint) commits. Pure.
 */
final class StepBatches {
  static final String ADAPTER = "reference";

  private StepBatches() {}

  /** What a step used, as its outcome reports it. */
  record StepUsage(long toolCalls, long tokens, double cost) {
    static final StepUsage NONE = new StepUsage(0, 0, 0);
  }

  static List<JobEvent> succeeded(JobState s, Step step, long index, int attempt, int exit, Optional<LogRefs> logs,
      StepUsage usage, Instant now) {
    String outcome = step.executed() && step.command().isPresent() ? "succeeded" : "not_executed";
    long toolCalls = outcome.equals("succeeded") ? 1 + usage.toolCalls() : 0;
    List<JobEvent> events = new ArrayList<>();
    events.add(adapterStep(step, index, outcome, outcome.equals("succeeded") ? Optional.of(exit) : Optional.empty(),
        attempt, logs));
    CountersUpdated counters = counters(s, 1, toolCalls, usage);
    events.add(counters);
    events.add(checkpoint("progress", "step " + step.id() + " completed: " + step.summary(), JobStatus.RUNNING,
        s, counters, now, new ArtifactsDelta(step.artifacts(), List.of(), List.of()), Optional.empty(), List.of()));
    return events;
  }

  static List<JobEvent> decisionNeeded(JobState s, Step step, long index, Instant now) {
    CountersUpdated counters = counters(s, 1, 0, StepUsage.NONE);
    String kind = step.requiredAction().orElse(Step.DEFAULT_REQUIRED_ACTION);
    return List.of(
        adapterStep(step, index, "decision_needed", Optional.empty(), 0, Optional.empty()),
        counters,
        checkpoint("decision-needed", step.summary(), JobStatus.BLOCKED_DECISION, s, counters, now,
            new ArtifactsDelta(step.artifacts(), List.of(), List.of()),
            Optional.of(new RequiredAction(Optional.of(kind), Optional.of("review and approve step " + step.id()))),
            List.of("E_CHECKPOINT_APPROVAL_REQUIRED")),
        new StatusChanged(JobStatus.RUNNING, JobStatus.BLOCKED_DECISION));
  }

  static List<JobEvent> failed(JobState s, Step step, long index, int attempt, String outcome, Optional<Integer> exit,
      Optional<LogRefs> logs, StepUsage usage, String why, Instant now) {
    CountersUpdated counters = counters(s, 1, 1 + usage.toolCalls(), usage);
    return List.of(
        adapterStep(step, index, outcome, exit, attempt, logs),
        counters,
        checkpoint("blocked", "reference step " + step.id() + " failed (" + why + ")", JobStatus.BLOCKED_ERROR, s,
            counters, now, ArtifactsDelta.none(), Optional.empty(), List.of("E_ADAPTER_FAIL")),
        new StatusChanged(JobStatus.RUNNING, JobStatus.BLOCKED_ERROR));
  }

  static List<JobEvent> canceled(Step step, long index, int attempt, Optional<LogRefs> logs) {
    return List.of(adapterStep(step, index, "canceled", Optional.empty(), attempt, logs));
  }

  static List<JobEvent> retried(JobState s, Step step, long index, int attempt, String why, long backoffMillis,
      StepUsage usage) {
    CountersUpdated c = new CountersUpdated(s.retryCount() + 1, s.stepCount(), s.toolCallCount() + 1 + usage.toolCalls(),
        s.tokens() + usage.tokens(), s.estimatedCost() + usage.cost());
    return List.of(new JobEvent.StepRetried(step.id(), index, attempt, why, backoffMillis), c);
  }

  static List<JobEvent> budgetExceeded(JobState s, List<Violation> violations, Instant now) {
    String summary = "budget exceeded: " + String.join(", ", violations.stream().map(Violation::text).toList());
    CountersUpdated same = counters(s, 0, 0, StepUsage.NONE);
    return List.of(
        new StatusChanged(JobStatus.RUNNING, JobStatus.BLOCKED_BUDGET),
        checkpoint("blocked", summary, JobStatus.BLOCKED_BUDGET, s, same, now, ArtifactsDelta.none(), Optional.empty(),
            List.of("E_BUDGET_EXCEEDED")));
  }

  static List<JobEvent> completed(JobState s, String summary, Instant now) {
    CountersUpdated same = counters(s, 0, 0, StepUsage.NONE);
    return List.of(
        checkpoint("completed", summary, JobStatus.COMPLETED, s, same, now, ArtifactsDelta.none(), Optional.empty(),
            List.of()),
        new StatusChanged(JobStatus.RUNNING, JobStatus.COMPLETED));
  }

  private static AdapterStep adapterStep(Step step, long index, String outcome, Optional<Integer> exit, int attempt,
      Optional<LogRefs> logs) {
    return new AdapterStep(ADAPTER, step.artifacts(), step.command().orElse(""), step.executed(), step.id(), index,
        step.summary(), Optional.of(outcome), exit, attempt > 0 ? Optional.of(attempt) : Optional.empty(),
        logs.map(l -> new JobEvent.StepLogs(l.stdout().toString(), l.stderr().toString(), l.stdoutBytes(),
            l.stderrBytes(), l.truncated())));
  }

  private static CountersUpdated counters(JobState s, long steps, long toolCalls, StepUsage usage) {
    return new CountersUpdated(s.retryCount(), s.stepCount() + steps, s.toolCallCount() + toolCalls,
        s.tokens() + usage.tokens(), s.estimatedCost() + usage.cost());
  }

  private static CheckpointEmitted checkpoint(String type, String summary, JobStatus status, JobState s,
      CountersUpdated c, Instant now, ArtifactsDelta delta, Optional<RequiredAction> action, List<String> codes) {
    return new CheckpointEmitted(type, bound(summary), status,
        new JobEvent.BudgetState(s.usage(now).wallTimeSeconds(), c.retryCount(), c.stepCount(), c.toolCallCount()),
        delta, action, codes);
  }

  /** A checkpoint summary cut to the 2,000 characters a checkpoint may hold. */
  static String bound(String summary) {
    String s = summary.strip();
    if (s.codePointCount(0, s.length()) <= 2000) {
      return s.isEmpty() ? "(no summary)" : s;
    }
    return s.substring(0, s.offsetByCodePoints(0, 1997)) + "...";
  }
}
